import { UsageError } from '../../errors.js';
import type { ApprovalRow, Store } from '../../store/types.js';

const HASH = /^[0-9a-f]{64}$/;

/** Records a second key for one exact patch (who, when, which hash). Re-approving updates the time and note. */
export async function recordApproval(store: Store, input: { patchHash: string; approver: string; note?: string; at?: string }): Promise<ApprovalRow> {
  const patchHash = input.patchHash.trim().toLowerCase().replace(/^sha256:/, '');
  if (!HASH.test(patchHash)) {
    throw new UsageError(`'${input.patchHash}' is not a patch hash (64 hex characters)`, {
      code: 'E_BAD_PATCH_HASH',
      hint: 'Copy the hash `suture guard` prints for the patch (the "patch" line, or patchHash in --format json).',
    });
  }
  const approver = input.approver.trim();
  if (approver === '') throw new UsageError('an approval needs a name', { code: 'E_NO_APPROVER', hint: 'Pass --by NAME (defaults to git config user.name).' });
  const row: ApprovalRow = { patchHash, approver, at: input.at ?? new Date().toISOString() };
  if (input.note) row.note = input.note;
  await store.recordApproval(row);
  return row;
}
