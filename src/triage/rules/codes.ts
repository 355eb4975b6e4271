import type { Category } from '../taxonomy.js';

/**
 * Tool error codes whose meaning is fixed by the tool's documentation. A code in this table is the
 * least ambiguous signal a failure can carry, so these tables are consulted before any text pattern.
 */

function table(entries: Array<[Category, Array<string | number>]>): Map<string, Category> {
  const m = new Map<string, Category>();
  for (const [cat, codes] of entries) for (const c of codes) m.set(String(c), cat);
  return m;
}

/** TypeScript diagnostics, by number (TS2339 → 2339). TS2307 is decided by the module name, see typescript.ts. */
export const tsCodes = table([
  ['syntax', [1002, 1003, 1005, 1009, 1010, 1011, 1012, 1013, 1014, 1016, 1068, 1100, 1101, 1104, 1105, 1108, 1109, 1110, 1117, 1121, 1124, 1125, 1126, 1127, 1128, 1131, 1134, 1135, 1136, 1138, 1141, 1144, 1155, 1160, 1161, 1184, 1308, 1357, 1381, 1382, 1434, 1435, 1438, 17002, 17008, 17014]],
  ['configuration-error', [1202, 1208, 1259, 1323, 1343, 1375, 1378, 1470, 1479, 2497, 2583, 2584, 2585, 2550, 2792, 2802, 5023, 5024, 5025, 5053, 5055, 5056, 5069, 5070, 5095, 5101, 5107, 5108, 5110, 6046, 6054, 6059, 6231, 6304, 6305, 6306, 6307, 6310, 17004, 18003, 18028]],
  ['file-not-found', [5012, 5057, 5058, 5083, 6053]],
  ['undefined-name', [2304, 2503, 2552, 2448, 2449, 2450, 2662, 2663, 18004, 2300, 2451]],
  ['dependency-missing', [2580, 2582, 2591, 2592, 2593, 2688, 7016]],
  ['import', [1192, 1484, 2305, 2306, 2459, 2460, 2613, 2614, 2724, 2834, 2835]],
  ['api-contract-mismatch', [2339, 2341, 2349, 2351, 2353, 2420, 2445, 2515, 2540, 2551, 2554, 2555, 2556, 2559, 2561, 2575, 2576, 2739, 2740, 2741]],
  // 2774/2801: a function or a Promise used as a condition (always defined): a forgotten call or await.
  ['type', [1064, 2322, 2774, 2801, 2344, 2345, 2352, 2355, 2358, 2360, 2361, 2362, 2363, 2365, 2366, 2367, 2394, 2411, 2416, 2430, 2454, 2464, 2488, 2531, 2532, 2533, 2538, 2571, 2677, 2678, 2684, 2693, 2749, 2769, 2790, 7005, 7006, 7008, 7010, 7011, 7015, 7017, 7019, 7023, 7024, 7031, 7034, 7053, 18046, 18047, 18048, 18049]],
  ['style', [2578, 4113, 4114, 6133, 6138, 6192, 6196, 6198, 7027, 7028, 7029, 7030]],
]);

/** rustc error index codes (E0425 → "E0425"). E0432/E0433 are decided by their text, see rust.ts. */
export const rustCodes = table([
  ['undefined-name', ['E0425', 'E0412', 'E0422', 'E0423', 'E0531', 'E0381']],
  ['dependency-missing', ['E0463']],
  ['file-not-found', ['E0583']],
  ['type', ['E0004', 'E0038', 'E0053', 'E0106', 'E0195', 'E0271', 'E0277', 'E0282', 'E0283', 'E0308', 'E0369', 'E0373', 'E0382', 'E0384', 'E0499', 'E0502', 'E0503', 'E0505', 'E0506', 'E0507', 'E0594', 'E0596', 'E0597', 'E0600', 'E0604', 'E0605', 'E0606', 'E0614', 'E0716']],
  ['api-contract-mismatch', ['E0023', 'E0026', 'E0027', 'E0046', 'E0050', 'E0061', 'E0063', 'E0107', 'E0407', 'E0560', 'E0599', 'E0603', 'E0609', 'E0615', 'E0616', 'E0618', 'E0624']],
  ['configuration-error', ['E0554', 'E0601', 'E0658']],
]);

/** npm / yarn berry / pnpm error codes. */
export const packageManagerCodes = table([
  ['dependency-missing', ['E404', 'ETARGET', 'ENOVERSIONS', 'ERESOLVE', 'EINTEGRITY', 'ERR_PNPM_FETCH_404', 'ERR_PNPM_NO_MATCHING_VERSION', 'ERR_PNPM_PEER_DEP_ISSUES', 'ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE', 'YN0035', 'YN0001']],
  ['configuration-error', ['EJSONPARSE', 'EBADENGINE', 'EBADPLATFORM', 'ENOTSUP', 'EUSAGE', 'EINVALIDTAGNAME', 'EINVALIDPACKAGENAME', 'ENOWORKSPACES', 'EPUBLISHCONFLICT', 'E409', 'ERR_PNPM_OUTDATED_LOCKFILE', 'ERR_PNPM_LOCKFILE_CONFIG_MISMATCH', 'ERR_PNPM_BAD_PM_VERSION', 'ERR_PNPM_UNSUPPORTED_ENGINE', 'ERR_PNPM_NO_SCRIPT', 'ERR_PNPM_RECURSIVE_RUN_NO_SCRIPT', 'YN0028']],
  ['file-not-found', ['ENOENT', 'ENOTDIR', 'ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND']],
  ['permission-denied', ['EACCES', 'EPERM', 'E401', 'E402', 'E403', 'ENEEDAUTH', 'EOTP', 'ERR_PNPM_FETCH_401', 'ERR_PNPM_FETCH_403', 'YN0041']],
  ['network-timeout', ['ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_TIMEOUT', 'E500', 'E502', 'E503', 'E504', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_PNPM_META_FETCH_FAIL', 'ERR_PNPM_FETCH_500', 'ERR_PNPM_FETCH_502', 'ERR_PNPM_FETCH_503']],
  ['out-of-memory', ['ENOMEM', 'ENOSPC']],
]);

/** Python lint codes (pycodestyle/flake8/ruff/pyflakes) and pylint/mypy names. */
export const pythonLintCodes = table([
  ['indentation', ['E101', 'E111', 'E112', 'E113', 'E114', 'E115', 'E116', 'E117', 'E121', 'E122', 'E126', 'E127', 'E128', 'W191', 'bad-indentation', 'mixed-indentation']],
  ['syntax', ['E999', 'syntax-error', 'syntax']],
  ['undefined-name', ['F821', 'F822', 'F823', 'E0602', 'undefined-variable', 'used-before-assignment', 'name-defined']],
  ['import', ['E0611', 'no-name-in-module', 'relative-beyond-top-level']],
  ['dependency-missing', ['E0401', 'import-error', 'import-not-found', 'import-untyped']],
  ['api-contract-mismatch', ['E1101', 'E1120', 'E1121', 'E1123', 'E1124', 'no-member', 'no-value-for-parameter', 'too-many-function-args', 'unexpected-keyword-arg', 'attr-defined', 'call-arg']],
  ['type', ['arg-type', 'assignment', 'return-value', 'operator', 'union-attr', 'index', 'override', 'var-annotated', 'valid-type', 'return', 'type-var']],
]);

/** ESLint rule ids (core, typescript-eslint, import, n). Rules not listed here are style. */
export const eslintRules = table([
  ['undefined-name', ['no-undef', 'no-use-before-define', '@typescript-eslint/no-use-before-define', 'react/jsx-no-undef']],
  ['indentation', ['indent', '@typescript-eslint/indent', '@stylistic/indent', '@stylistic/js/indent', 'no-mixed-spaces-and-tabs', '@stylistic/no-mixed-spaces-and-tabs', 'no-tabs', 'react/jsx-indent', 'react/jsx-indent-props']],
  ['import', ['import/no-unresolved', 'import/named', 'import/default', 'import/namespace', 'import/export', 'n/no-missing-import', 'n/no-missing-require', 'node/no-missing-import', 'node/no-missing-require', 'import-x/no-unresolved']],
  ['dependency-missing', ['import/no-extraneous-dependencies', 'n/no-extraneous-import', 'n/no-extraneous-require', 'node/no-extraneous-import', 'n/no-unpublished-import']],
  ['type', ['valid-typeof', 'use-isnan', 'no-unsafe-negation', '@typescript-eslint/no-unsafe-assignment', '@typescript-eslint/no-unsafe-call', '@typescript-eslint/no-unsafe-member-access', '@typescript-eslint/no-unsafe-return', '@typescript-eslint/no-unsafe-argument', '@typescript-eslint/no-explicit-any', '@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises', '@typescript-eslint/restrict-template-expressions', '@typescript-eslint/no-unnecessary-type-assertion']],
]);
