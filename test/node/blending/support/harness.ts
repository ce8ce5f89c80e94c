// A reconciler wired to fakes, with a small Finesse stand-in that answers requests the way the transition table says.

import { BlendingReconciler, type ReconcilerOptions } from '../../../../src/core/blending/reconciler.ts';
import { applyStateRequest } from '../../../../sim/finesse/agent-state-table.ts';
import type { AgentState, Dialog, User } from '../../../../src/core/finesse/types.ts';
import { HANDLING_CHAT, reasonById, user as makeUser } from './builders.ts';
import { FakeChatPort, FakeFactsPort, FakeVoicePort, flush, INVALID_STATE, VirtualTimers } from './fakes.ts';

export interface HarnessOptions {
  readonly user?: User;
  readonly dialogs?: readonly Dialog[];
  /** 'auto': Finesse applies each accepted request and notifies; 'manual': the test sends the notification. */
  readonly confirm?: 'auto' | 'manual';
  readonly maxChats?: number;
  readonly random?: () => number;
  readonly options?: Partial<ReconcilerOptions>;
  /** Unified CCX refuses a READY asked for during a call (no pending READY); default UCCE. */
  readonly deployment?: 'UCCE' | 'UCCX';
  /**
   * 'shown': a pending NOT_READY comes with its reason; 'hidden': the User shows only the current state's reason,
   * so a pending NOT_READY comes without one (as the simulator sends it). Default 'shown'.
   */
  readonly pendingReason?: 'shown' | 'hidden';
}

export async function harness(h: HarnessOptions = {}) {
  const timers = new VirtualTimers();
  const voicePort = new FakeVoicePort();
  const factsPort = new FakeFactsPort(h.user ?? makeUser('READY'), h.dialogs ?? []);
  const chat = new FakeChatPort();
  const reconciler = new BlendingReconciler({
    voice: voicePort,
    facts: factsPort,
    chat,
    timers,
    random: h.random ?? (() => 0.5),
    handlingChat: HANDLING_CHAT,
    maxChats: h.maxChats ?? 5,
    ...h.options,
  });

  /** Finesse sends a User notification (and holds that user for re-reads). */
  const notifyUser = (u: User, requestId: string | null = null): void => {
    factsPort.user = u;
    reconciler.handleUpdate({
      event: 'PUT',
      requestId,
      source: '/finesse/api/User/1001001',
      data: { kind: 'user', user: u },
    });
  };
  /**
   * Finesse's dialogs become `dialogs` (and are held for re-reads), told the way Finesse tells them: a new dialog
   * is POSTed alone on the collection, a changed one is PUT as one `<Dialog>` from its own URI, one that is gone
   * is DELETEd (shown DROPPED) on the collection.
   */
  const notifyDialogs = (dialogs: readonly Dialog[]): void => {
    const before = new Map(factsPort.dialogs.map((d) => [d.id, d]));
    factsPort.dialogs = dialogs;
    const collection = '/finesse/api/User/1001001/Dialogs';
    for (const d of dialogs) {
      if (before.has(d.id))
        reconciler.handleUpdate({
          event: 'PUT',
          requestId: null,
          source: `/finesse/api/Dialog/${d.id}`,
          data: { kind: 'dialog', dialog: d },
        });
      else
        reconciler.handleUpdate({
          event: 'POST',
          requestId: null,
          source: collection,
          data: { kind: 'dialogs', dialogs: [d] },
        });
    }
    for (const [id, old] of before) {
      if (dialogs.some((d) => d.id === id)) continue;
      const gone = {
        ...old,
        state: 'DROPPED' as const,
        participants: old.participants.map((p) => ({ ...p, state: 'DROPPED' as const, actions: [] })),
      };
      reconciler.handleUpdate({
        event: 'DELETE',
        requestId: null,
        source: collection,
        data: { kind: 'dialogs', dialogs: [gone] },
      });
    }
  };
  /** Applies a request to the current user as Finesse would; null when Finesse would refuse it. */
  const apply = (state: AgentState, reasonCodeId: string | null): User | null => {
    const cur = factsPort.user;
    const r = applyStateRequest({ state: cur.state, pendingState: cur.pendingState }, state, {
      wrapUpEnabled: true,
      deployment: h.deployment ?? 'UCCE',
    });
    if (!r.ok) return null;
    const shown =
      r.value.state === 'NOT_READY' || (r.value.pendingState === 'NOT_READY' && h.pendingReason !== 'hidden');
    const rid = shown ? reasonCodeId : null;
    return {
      ...cur,
      state: r.value.state,
      pendingState: r.value.pendingState,
      reasonCodeId: rid,
      reasonCode: reasonById(rid),
    };
  };

  if ((h.confirm ?? 'auto') === 'auto') {
    voicePort.onRequest = (request, requestId) => {
      const next = apply(request.state, request.reasonCodeId);
      if (next === null) return INVALID_STATE;
      queueMicrotask(() => notifyUser(next, requestId));
      return undefined;
    };
  }

  await reconciler.start(true);
  await flush();
  return { timers, voicePort, factsPort, chat, reconciler, notifyUser, notifyDialogs, apply, flush };
}
