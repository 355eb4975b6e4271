import type { CheckDetector } from '../types.js';
import { makeCheck } from './spec.js';

/** go vet and go build for every Go module (vet also type-checks the tests). */
export const goChecks: CheckDetector = {
  id: 'go',
  detect(pkg) {
    if (!pkg.has('go.mod')) return [];
    return [
      // -o /dev/null: go compiles every package and discards the binaries, so nothing lands in the module.
      makeCheck('go-build', 'build', 'go.mod present', { argv: ['go', 'build', '-o', '/dev/null', './...'], resolve: 'path', tool: 'go', extract: 'go' }),
      makeCheck('go-vet', 'lint', 'go.mod present', { argv: ['go', 'vet', './...'], resolve: 'path', tool: 'go', extract: 'go' }),
    ];
  },
};
