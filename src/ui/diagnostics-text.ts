// The diagnostics checks in words (src/app/diagnostics.ts): each check's title, its outcome, what it found (a
// sentence and detail lines) and what to do; and the plain-text report an administrator copies for support. Pure
// functions of one catalogue, no Lit. Only the check's data goes in: no credentials ever reach them.
import type { CheckId, CheckResult, DiagnosticsRun, EndpointFinding, Finding } from '../app/diagnostics.ts';
import { CHECK_IDS } from '../app/diagnostics.ts';
import type { FinesseError } from '../core/finesse/rest/index.ts';
import { causeText } from './cause-text.ts';
import type { MessageKey, MessageParams } from './messages.ts';
import type { Translator } from './i18n/translator.ts';

/** A check in words. */
export interface CheckText {
  readonly title: string;
  readonly outcome: string;
  /** What the check found; empty while it waits or runs. */
  readonly sentence: string;
  /** Details under the sentence (one per server, address or problem). */
  readonly lines: readonly string[];
  /** What to do; null when nothing is to be done. */
  readonly advice: string | null;
}

export interface DiagnosticsText {
  check(result: CheckResult): CheckText;
  /** The progress line: which check runs, or the totals when done. */
  progress(run: DiagnosticsRun): string;
  /** The plain-text report (no credentials, no chat text). */
  report(run: DiagnosticsRun, version: string | null): string;
}

/** Diagnostics words in one language. */
export function diagnosticsText(words: Translator): DiagnosticsText {
  const m = (key: MessageKey, params?: MessageParams): string => words.t(key, params);
  const causes = causeText(words);
  const title = (id: CheckId): string => m(`diag.check.${id}`);

  const why = (error: FinesseError['kind'], status: number | null): string => {
    switch (error) {
      case 'network':
      case 'timeout':
      case 'aborted':
      case 'unavailable':
      case 'not-found':
      case 'auth':
      case 'parse':
        return m(`diag.why.${error}`);
      default:
        return m('diag.why.status', { status: status === null ? '?' : String(status) });
    }
  };

  const endpoint = (name: string, e: EndpointFinding): string => {
    const a = e.answer;
    const result = a.answered
      ? m('diag.endpoint.answered', { ms: a.ms })
      : a.why === 'http-status'
        ? m('diag.endpoint.http-status', { status: String(a.status) })
        : m(`diag.endpoint.${a.why}`);
    return `${name} ${e.url}: ${result}`;
  };

  function found(f: Finding, outcome: CheckResult['outcome'], id: CheckId): Omit<CheckText, 'title' | 'outcome'> {
    const plain = (sentence: string, advice: string | null = null, lines: readonly string[] = []) => ({
      sentence,
      lines,
      advice,
    });
    switch (f.kind) {
      case 'prefs-ok':
        return plain(m('diag.prefs-ok'));
      case 'prefs-problems':
      case 'prefs-warnings':
        return plain(
          m(f.kind === 'prefs-problems' ? 'diag.prefs-problems' : 'diag.prefs-warnings'),
          m('diag.prefs-problems.advice'),
          f.problems.map((p) => causes.configProblem(p)),
        );
      case 'user':
        return plain(m('diag.user', { name: f.name, state: causes.voiceState(f.state, f.reason) }));
      case 'rest-auth':
        return plain(m('diag.rest-auth'), m('diag.rest-auth.advice'));
      case 'rest-failed':
        return plain(m('diag.rest-failed', { why: why(f.error, f.status) }), m('diag.rest-failed.advice'));
      case 'notifications-ok':
        return plain(m('diag.notifications-ok', { ms: f.ms }));
      case 'notifications-down':
        return plain(m('diag.notifications-down', { status: f.status }), m('diag.notifications-down.advice'));
      case 'notifications-no-answer':
        return plain(m(`diag.notifications-no-answer.${f.step}`), m('diag.notifications-no-answer.advice'));
      case 'notifications-refused':
        return plain(
          m('diag.notifications-refused', { errorType: f.errorType }),
          m('diag.notifications-refused.advice'),
        );
      case 'nodes': {
        const lines = f.nodes.map((n) =>
          m(n.role === 'primary' ? 'diag.node.primary' : 'diag.node.secondary', {
            node: n.node,
            status:
              n.status !== null
                ? m(`diag.node.${n.status}`)
                : m('diag.node.noAnswer', { why: why(n.error ?? 'network', null) }),
          }),
        );
        if (f.deployment !== null) lines.push(m('diag.deployment', { deployment: f.deployment }));
        if (outcome !== 'pass') return plain(m('diag.nodes.fail'), m('diag.nodes.advice'), lines);
        return plain(m(f.nodes.length > 1 ? 'diag.nodes.pass' : 'diag.nodes.single'), null, lines);
      }
      case 'system-info-failed':
        return plain(m('diag.system-info-failed', { why: why(f.error, f.status) }), m('diag.rest-failed.advice'));
      case 'reason-ok':
        return plain(m('diag.reason-ok', { label: f.label, code: f.code }));
      case 'reason-config': {
        const e = f.error;
        if (e.code !== 'NOT_DEFINED')
          return plain(causes.problem({ kind: 'reason-config', error: e }).title, m('diag.reason-other.advice'));
        const label = e.reason.by === 'label' ? e.reason.label : 'Handling Chat';
        const sentence =
          e.reason.by === 'label'
            ? m('diag.reason-missing.label', { label: e.reason.label })
            : m('diag.reason-missing.code', { code: String(e.reason.code) });
        const available =
          f.available.length > 0 ? f.available.map((l) => `“${l}”`).join(', ') : m('diag.reason-missing.none');
        return plain(sentence, m('diag.reason-missing.advice', { label, available }));
      }
      case 'reason-codes-unread':
        return plain(m('diag.reason-codes-unread', { why: why(f.error, f.status) }), m('diag.rest-failed.advice'));
      case 'chat-off':
        return id === 'chat-server'
          ? plain(m('diag.chat-off'), m('diag.chat-off.advice'))
          : plain(m('diag.chat-off.short'));
      case 'endpoints': {
        const lines = [
          ...(f.websocket ? [endpoint('WebSocket', f.websocket)] : []),
          ...(f.bosh ? [endpoint('BOSH', f.bosh)] : []),
        ];
        if (outcome === 'pass') return plain(m('diag.endpoints.pass'), null, lines);
        if (outcome === 'warn') return plain(m('diag.endpoints.warn'), m('diag.endpoints.warn.advice'), lines);
        return plain(m('diag.endpoints.fail'), m('diag.endpoints.fail.advice'), lines);
      }
      case 'signed-in':
        return plain(m('diag.signed-in', { transport: f.transport === 'websocket' ? 'WebSocket' : 'BOSH', ms: f.ms }));
      case 'sign-in-refused':
        return plain(m('diag.sign-in-refused'), m('diag.sign-in-refused.advice'));
      case 'sign-in-failed': {
        const reason = f.code === 'timeout' ? m('diag.why.timeout') : m(`chatError.${f.code}`);
        return plain(m('diag.sign-in-failed', { why: reason }), m('diag.sign-in-failed.advice'));
      }
      case 'no-identity':
        return plain(m('problem.chat-no-identity.title'), m('diag.no-identity.advice'));
      case 'router-ok':
        return plain(words.plural('diag.router-ok', f.queues, { ms: f.ms }));
      case 'router-no-answer':
        return plain(m('diag.router-no-answer', { ms: f.ms }), m('diag.router.advice'));
      case 'router-error':
        return plain(
          m('diag.router-error', { condition: f.condition }),
          f.condition === 'forbidden' ? m('diag.router-forbidden.advice') : m('diag.router.advice'),
        );
    }
  }

  function check(result: CheckResult): CheckText {
    const base = { title: title(result.id), outcome: m(`diag.outcome.${result.outcome}`) };
    switch (result.outcome) {
      case 'waiting':
      case 'running':
        return { ...base, sentence: '', lines: [], advice: null };
      case 'skipped':
        return { ...base, sentence: m('diag.skipped', { check: title(result.because) }), lines: [], advice: null };
      default:
        return { ...base, ...found(result.finding, result.outcome, result.id) };
    }
  }

  function progress(run: DiagnosticsRun): string {
    const running = run.checks.findIndex((c) => c.outcome === 'running');
    if (run.finishedAt === null) {
      const at = running >= 0 ? running : run.checks.findIndex((c) => c.outcome === 'waiting');
      const current = run.checks[Math.max(0, at)];
      return m('diag.progress.running', {
        current: Math.max(0, at) + 1,
        total: CHECK_IDS.length,
        check: current ? title(current.id) : '',
      });
    }
    const count = (o: CheckResult['outcome']) => run.checks.filter((c) => c.outcome === o).length;
    return m('diag.progress.done', {
      passed: count('pass'),
      warned: count('warn'),
      failed: count('fail'),
      skipped: count('skipped'),
    });
  }

  function report(run: DiagnosticsRun, version: string | null): string {
    const lines = [
      m('diag.report.title'),
      m('diag.report.date', { date: new Date(run.finishedAt ?? run.startedAt).toISOString() }),
      m('diag.report.version', { version: version ?? m('diag.report.unknown') }),
      m('diag.report.agent', { id: run.agentId ?? m('diag.report.unknown') }),
      m('diag.report.node', { node: run.desktopNode ?? m('diag.report.unknown') }),
      '',
    ];
    run.checks.forEach((c, i) => {
      const text = check(c);
      lines.push(`${i + 1}. ${text.title}: ${text.outcome}`);
      if (text.sentence) lines.push(`   ${text.sentence}`);
      for (const line of text.lines) lines.push(`   - ${line}`);
      if (text.advice) lines.push(`   ${m('diag.advice', { advice: text.advice })}`);
    });
    lines.push('', progress(run), '', m('diag.report.prefs'));
    for (const p of run.prefs) lines.push(`  ${p.name} = ${p.value === '' ? m('diag.report.unset') : p.value}`);
    return `${lines.join('\n')}\n`;
  }

  return { check, progress, report };
}
