// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;
// GitHub Actions / Azure: "2024-05-01T10:00:00.1234567Z ", Jenkins timestamper: "[2024-05-01T10:00:00.123Z] ",
// "10:00:00 " clocks, CircleCI/Buildkite "[10:00:00]" prefixes.
const TIMESTAMP = /^(?:\uFEFF)?(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?|\[\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?Z?\] ?|\[\d\d:\d\d:\d\d(?:\.\d+)?\] ?)/;

/** A CI system's structural marker, found while cleaning a line. */
export type Marker =
  | { type: 'group-start'; name: string }
  | { type: 'group-end' }
  | { type: 'error-annotation'; message: string; file?: string; line?: number }
  | { type: 'exit'; code: number }
  | { type: 'command'; command: string }
  | { type: 'job-failed'; message: string };

export interface CleanLine {
  text: string;
  marker?: Marker;
}

const GH_GROUP = /^(?:##\[group\]|::group::)(.*)$/;
const GH_ENDGROUP = /^(?:##\[endgroup\]|::endgroup::)\s*$/;
const GH_ERROR = /^(?:##\[error\]|::error(?: ([^:]*))?::)(.*)$/;
const GITLAB_SECTION = /section_(start|end):\d+:([\w.-]+)(?:\[[^\]]*\])?\r?/;
const TRAVIS_FOLD = /travis_(?:fold|time):(start|end):([\w.-]*)(?::[\w,=]*)?\r?/g;
const EXIT_LINES: RegExp[] = [
  /^Process completed with exit code (\d+)\.?$/, // GitHub Actions (after ##[error])
  /^ERROR: Job failed: exit code (\d+)/, // GitLab
  /^The command ".*" exited with (\d+)\.$/, // Travis
  /^Exited with code (?:exit status )?(\d+)$/, // CircleCI
  /^script returned exit code (\d+)$/, // Jenkins
];
const JOB_FAILED = /^(?:ERROR: Job failed(?: \(system failure\))?: (?!exit code)(.*)|The job (?:running on runner .*|was canceled|exceeded .*)|No output has been received in the last .*|The operation was canceled\.)$/;

/**
 * Cleans one raw log line: colours, CI timestamps, GitLab section and Travis fold markers, carriage
 * return progress redraws (only the last redraw is what a person saw). Recognises the markers that
 * give the log its structure (steps, exit codes, error annotations) so the extractor can follow it.
 */
export function cleanLine(raw: string): CleanLine {
  let s = raw;
  if (s.indexOf('\u001b') !== -1) s = s.replace(ANSI, '');
  let marker: Marker | undefined;
  if (s.indexOf('section_') !== -1) {
    const m = GITLAB_SECTION.exec(s);
    if (m) {
      marker = m[1] === 'start' ? { type: 'group-start', name: m[2]!.replace(/_/g, ' ') } : { type: 'group-end' };
      s = s.replace(GITLAB_SECTION, '');
    }
  }
  if (s.indexOf('travis_') !== -1) {
    s = s.replace(TRAVIS_FOLD, (_m, kind: string, name: string) => {
      if (kind === 'start' && name && !marker) marker = { type: 'group-start', name };
      return '';
    });
  }
  const cr = s.lastIndexOf('\r');
  if (cr !== -1) s = cr === s.length - 1 ? s.slice(0, -1) : s.slice(cr + 1);
  s = s.replace(TIMESTAMP, '');
  if (marker) return { text: s, marker };
  const c0 = s.charCodeAt(0);
  if (c0 === 35 /* # */ || c0 === 58 /* : */) {
    let m = GH_GROUP.exec(s);
    if (m) return { text: s, marker: { type: 'group-start', name: m[1]!.trim() } };
    if (GH_ENDGROUP.test(s)) return { text: s, marker: { type: 'group-end' } };
    m = GH_ERROR.exec(s);
    if (m) {
      const msg = m[2]!.trim();
      const exit = /^Process completed with exit code (\d+)\.?$/.exec(msg);
      if (exit) return { text: s, marker: { type: 'exit', code: Number(exit[1]) } };
      const props = m[1] ?? '';
      const file = /(?:^|,)file=([^,]+)/.exec(props)?.[1];
      const line = /(?:^|,)line=(\d+)/.exec(props)?.[1];
      const ann: Marker = { type: 'error-annotation', message: msg };
      if (file) ann.file = file;
      if (line) ann.line = Number(line);
      return { text: s, marker: ann };
    }
  }
  if (c0 === 36 /* $ */ && s.startsWith('$ ')) return { text: s, marker: { type: 'command', command: s.slice(2).trim() } };
  for (const re of EXIT_LINES) {
    const m = re.exec(s);
    if (m) return { text: s, marker: { type: 'exit', code: Number(m[1]) } };
  }
  if (JOB_FAILED.test(s)) return { text: s, marker: { type: 'job-failed', message: s } };
  return { text: s };
}
