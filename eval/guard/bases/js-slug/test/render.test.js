const { renderLinks, escapeHtml } = require('../src/render');

describe('renderLinks', () => {
  it('renders escaped links', () => {
    expect(renderLinks(['Tom & Jerry', 'A <b>'])).toMatchInlineSnapshot(`
"<a href="/posts/tom-jerry">Tom &amp; Jerry</a>
<a href="/posts/a-b">A &lt;b&gt;</a>"
`);
  });

  it('escapes quotes', () => {
    expect(escapeHtml('"x"')).toBe('&quot;x&quot;');
  });
});
