import type { CheckDetector } from '../types.js';
import { makeCheck } from './spec.js';

/** go vet and go build for every Go module (vet also type-checks the tests). */
export const goChecks: CheckDetector = {
  id: 'go',
  detect(pkg) {
    if (!pkg.has('go.mod')) return [];
    return [
      // -o into suture's own directory (set at run time): a main package's binary never lands in the module.
      makeCheck('go-build', 'build', 'go.mod present', { argv: ['go', 'build', '-o', '{outDir}/', './...'], resolve: 'path', tool: 'go', extract: 'go' }, 'go build ./...'),
      makeCheck('go-vet', 'lint', 'go.mod present', { argv: ['go', 'vet', './...'], resolve: 'path', tool: 'go', extract: 'go' }),
    ];
  },
};
