import { dig } from '../detect/package-info.js';
import type { CheckDetector } from '../types.js';
import { makeCheck } from './spec.js';
import type { PlannedCheck } from '../../events/index.js';

/** cargo check for every crate; clippy where the crate configures it (clippy.toml or [lints.clippy]). */
export const cargoChecks: CheckDetector = {
  id: 'cargo',
  detect(pkg) {
    const manifest = pkg.cargoToml;
    if (!manifest || dig(manifest, 'package') === undefined) return [];
    const env = { CARGO_TERM_COLOR: 'never' };
    const checks: PlannedCheck[] = [
      makeCheck('cargo-check', 'build', 'Cargo.toml [package] present', { argv: ['cargo', 'check', '--all-targets'], resolve: 'path', tool: 'cargo', extract: 'rustc', env }),
    ];
    const clippy = pkg.first(['clippy.toml', '.clippy.toml']) ?? (dig(manifest, 'lints', 'clippy') !== undefined ? 'Cargo.toml [lints.clippy]' : undefined);
    if (clippy) {
      checks.push(
        makeCheck('cargo-clippy', 'lint', `${clippy} present`, {
          argv: ['cargo', 'clippy', '--all-targets', '--', '-D', 'warnings'],
          resolve: 'path',
          tool: 'cargo-clippy',
          installHint: 'rustup component add clippy',
          extract: 'rustc',
          env,
        }),
      );
    }
    return checks;
  },
};
