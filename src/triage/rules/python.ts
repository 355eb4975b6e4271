import { decided, pattern } from './define.js';
import type { Rule } from './types.js';

/** Python exceptions and the standard tools around them (pytest, pip, tabnanny). */
export const pythonRules: Rule[] = [
  pattern('py:indentation', 'indentation', ['indentationerror', 'taberror', 'inconsistent use of tabs', 'unindent does not match', 'expected an indented block', 'unexpected indent', 'ambiguous indentation'], /\b(IndentationError|TabError)\b|inconsistent use of tabs and spaces|unindent does not match any outer indentation level|expected an indented block|unexpected indent\b|ambiguous indentation/),
  decided('py:module-not-found', ['modulenotfounderror', 'no module named'], /(?:ModuleNotFoundError|ImportError): No module named '([\w.]+)'(?:; '([\w.]+)' is not a package)?/, (_s, m) => {
    // A dotted name whose package exists ("'a.b'; 'a' is not a package", or a sub-module) is an import
    // mistake; a missing top-level name is a dependency that is not installed.
    if (!m) return undefined;
    return { category: m[2] !== undefined || m[1]!.includes('.') ? 'import' : 'dependency-missing' };
  }),
  pattern('py:shared-library', 'dependency-missing', ['cannot open shared object file', 'dll load failed', 'library not loaded'], /cannot open shared object file|DLL load failed|Library not loaded/i),
  pattern('py:circular-import', 'import', ['partially initialized module'], /partially initialized module .* \(most likely due to a circular import\)/),
  pattern('py:import-name', 'import', ['cannot import name', 'attempted relative import', 'relative import'], /ImportError: (?:cannot import name|attempted relative import)|beyond top-level package/),
  pattern('py:name-error', 'undefined-name', ['nameerror', 'unboundlocalerror'], /\b(NameError|UnboundLocalError)\b/),
  // A None that came from os.getenv()/environ.get(): the variable is not set.
  decided('py:none-from-env', ["'nonetype'", "not 'nonetype'"], /'NoneType'/, (s) => (/os\.getenv\(|environ\.get\(/.test(s.text) ? { category: 'environment-variable' } : undefined)),
  pattern('py:none-attribute', 'runtime-error', ["'nonetype' object", "of type 'nonetype'"], /'NoneType' object (?:has no attribute|is not (?:subscriptable|iterable|callable))|object of type 'NoneType' has no/),
  pattern('py:attribute-error', 'api-contract-mismatch', ['attributeerror'], /\bAttributeError\b.*has no attribute/),
  pattern('py:call-signature', 'api-contract-mismatch', ['positional argument', 'keyword argument', 'required positional', 'takes no arguments', 'multiple values for argument', 'required keyword-only'], /\b\w+\(\) (?:takes (?:\d+|from \d+ to \d+) positional arguments? but \d+ (?:were|was) given|takes no arguments|missing \d+ required (?:positional|keyword-only) arguments?|got an unexpected keyword argument|got multiple values for argument)/),
  pattern('py:not-callable', 'api-contract-mismatch', ['object is not callable'], /TypeError: '\w+' object is not callable/),
  pattern('py:type-error', 'type', ['typeerror'], /\bTypeError: (?:unsupported operand|can only concatenate|can't multiply|must be (?:str|int|real number|a \w+)|.* not supported between instances|'\w+' object (?:cannot be interpreted|is not (?:subscriptable|iterable)|does not support)|unhashable type|(?:expected|argument) .*(?:got|must be)|string indices must be|list indices must be|object of type '\w+' has no len|bad operand type)/),
  pattern('py:file-not-found', 'file-not-found', ['filenotfounderror', 'isadirectoryerror', 'notadirectoryerror', '[errno 2]'], /\b(FileNotFoundError|IsADirectoryError|NotADirectoryError)\b|\[Errno 2\] No such file or directory/),
  pattern('py:permission', 'permission-denied', ['permissionerror', '[errno 13]'], /\bPermissionError\b|\[Errno 13\] Permission denied/),
  decided('py:key-error', ['keyerror'], /\bKeyError: '([^']*)'/, (s, m) => {
    // os.environ['X'] raises KeyError with the variable's name; an UPPER_CASE key almost always is one.
    if (m && (/os\.environ|environ\[|getenv/.test(s.text) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(m[1]!))) return { category: 'environment-variable' };
    return { category: 'runtime-error' };
  }),
  pattern('py:memory', 'out-of-memory', ['memoryerror'], /\bMemoryError\b/),
  pattern('py:network', 'network-timeout', ['connectionrefusederror', 'connectionreseterror', 'connectionerror', 'timeouterror: ', 'urlerror', 'maxretryerror', 'newconnectionerror', 'readtimeout', 'connecttimeout', 'gaierror', 'socket.timeout', 'connecterror', 'remotedisconnected', '[errno 111]', '[errno 110]', '[errno -2]', '[errno -3]'], /\b(ConnectionRefusedError|ConnectionResetError|ConnectionAbortedError|ConnectionError|URLError|MaxRetryError|NewConnectionError|ReadTimeout(?:Error)?|ConnectTimeout(?:Error)?|gaierror|socket\.timeout|ConnectError|RemoteDisconnected)\b|TimeoutError: (?:timed out|\[Errno)|\[Errno (?:111|110|-2|-3|101|113)\]/),
  pattern('py:config-parse', 'configuration-error', ['scannererror', 'parsererror', 'tomldecodeerror', 'configparser', 'composererror', 'constructorerror'], /\b(?:yaml\.(?:scanner\.ScannerError|parser\.ParserError|composer\.ComposerError|constructor\.ConstructorError)|TOMLDecodeError|configparser\.\w+Error)\b/),
  pattern('py:syntax', 'syntax', ['syntaxerror'], /\bSyntaxError\b(?!: (?:Unexpected (?:token|end of JSON|non-whitespace)|.*JSON|Cannot use import statement|The requested module|Named export))/),
  pattern('pytest:assert', 'assertion-failure', ['assert'], /^(?:E\s+)?assert\s/m),
  pattern('py:runtime', 'runtime-error', ['zerodivisionerror', 'indexerror', 'valueerror', 'recursionerror', 'overflowerror', 'stopiteration', 'unicodedecodeerror', 'unicodeencodeerror', 'runtimeerror', 'lookuperror', 'notimplementederror'], /\b(ZeroDivisionError|IndexError|ValueError|RecursionError|OverflowError|StopIteration|UnicodeDecodeError|UnicodeEncodeError|RuntimeError|LookupError|NotImplementedError)\b/),
];

/** pytest and pip messages that name their cause. */
export const pythonToolRules: Rule[] = [
  pattern('pytest:fixture-missing', 'test-infrastructure-error', ["fixture '"], /fixture '[\w.]+' not found/),
  pattern('pytest:scope-mismatch', 'test-infrastructure-error', ['scopemismatch'], /\bScopeMismatch\b/),
  pattern('pytest:timeout', 'timeout', ['failed: timeout', '+++ timeout +++'], /Failed: Timeout >|\+{5,} Timeout \+{5,}/),
  pattern('pytest:did-not-raise', 'assertion-failure', ['did not raise', 'did not warn'], /Failed: DID NOT (?:RAISE|WARN)/),
  pattern('pytest:usage', 'configuration-error', ['unrecognized arguments', 'error: usage', 'pytest: error:'], /(?:pytest|py\.test|__main__\.py): error: (?:unrecognized arguments|argument )|ERROR: usage: /),
  pattern('pytest:path-missing', 'file-not-found', ['file or directory not found'], /ERROR: file or directory not found: /),
  pattern('pytest:no-tests', 'test-infrastructure-error', ['no tests ran', 'collected 0 items', 'no tests collected'], /no tests ran in|collected 0 items|no tests collected/),
  pattern('pytest:internal', 'test-infrastructure-error', ['internalerror'], /^INTERNALERROR>/m),
  pattern('pip:no-requirements-file', 'file-not-found', ['could not open requirements file'], /Could not open requirements file/),
  pattern('pip:network', 'network-timeout', ['failed to establish a new connection', 'retrying (retry(', 'connection broken', 'read timed out', 'network is unreachable', 'temporary failure in name resolution'], /Failed to establish a new connection|Retrying \(Retry\(|Connection broken|Read timed out|Network is unreachable|Temporary failure in name resolution/),
  pattern('pip:no-version', 'dependency-missing', ['no matching distribution', 'could not find a version that satisfies', 'resolutionimpossible', 'conflicting dependencies'], /No matching distribution found for|Could not find a version that satisfies the requirement|ResolutionImpossible|conflicting dependencies/),
  pattern('pip:externally-managed', 'configuration-error', ['externally-managed-environment', 'invalid requirement'], /externally-managed-environment|Invalid requirement/),
];
