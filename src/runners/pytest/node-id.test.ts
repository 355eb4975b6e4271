import { describe, expect, it } from 'vitest';
import { nodeId } from './node-id.js';

const ref = (file: string | undefined, suite: string | undefined, name: string) => ({ test_id: 'x', framework: 'pytest', file, suite, name });

describe('pytest node ids', () => {
  it('takes the node id the ingest stage put in test_id, made relative to the package', () => {
    const t = { test_id: 'tools/report/tests/test_calc.py::TestEdge::test_adds_zero[0]', framework: 'pytest', file: 'tools/report/tests/test_calc.py', suite: 'pytest', name: 'test_adds_zero[0]' };
    expect(nodeId(t, 'tools/report')).toBe('tests/test_calc.py::TestEdge::test_adds_zero[0]');
    expect(nodeId({ ...t, test_id: 'tests/test_calc.py::TestEdge::test_adds_zero[0]' }, 'tools/report')).toBe('tests/test_calc.py::TestEdge::test_adds_zero[0]');
  });

  it('keeps the classes of the dotted JUnit classname after the module path', () => {
    expect(nodeId(ref('tests/test_calc.py', 'tests.test_calc.TestEdge', 'test_adds_zero[0]'), '.')).toBe('tests/test_calc.py::TestEdge::test_adds_zero[0]');
    expect(nodeId(ref('tests/test_calc.py', 'tests.test_calc', 'test_adds'), '.')).toBe('tests/test_calc.py::test_adds');
  });

  it('is relative to the package and tolerates a classname without the package prefix', () => {
    expect(nodeId(ref('tools/report/tests/test_r.py', 'tests.test_r.TestA.TestB', 'test_x'), 'tools/report')).toBe('tests/test_r.py::TestA::TestB::test_x');
  });

  it('reads suites written as node-id or describe paths', () => {
    expect(nodeId(ref('t/test_a.py', 't/test_a.py::TestA', 'test_b'), '.')).toBe('t/test_a.py::TestA::test_b');
    expect(nodeId(ref('t/test_a.py', 'TestA > TestB', 'test_b'), '.')).toBe('t/test_a.py::TestA::TestB::test_b');
  });

  it('falls back to the bare name without a file', () => {
    expect(nodeId(ref(undefined, 'x', 'test_b'), '.')).toBe('test_b');
  });
});
