// The Finesse container timer: the desktop publishes a TimerTickEvent on the OpenAjax hub every 1000 ms, and
// gadgets run their timers on it (developer guide, "Finesse Container Timer" and "TimerTickEvent").

/**
 * The hub topic of ContainerServices.Topics.TIMER_TICK_EVENT. The guide names container topics
 * `finesse.containerservices.<event>` (it prints `finesse.containerservices.workflowActionEvent` for
 * WORKFLOW_ACTION_EVENT); the harness keeps its own copy so that a wrong constant in the gadget shows in tests.
 */
export const TIMER_TICK_TOPIC = 'finesse.containerservices.timerTickEvent';

/** How often the desktop ticks. */
const TICK_FREQUENCY_MS = 1000;

/** The TimerTickEvent's data: its tick frequency and when it was queued (a Date; the hub carries it as JSON text). */
interface TimerTickPayload {
  readonly tickFrequency: number;
  readonly dateQueued: Date;
}

/** Starts ticking on the hub; returns the interval to clear when the desktop session ends. */
export function startTimerTick(hub: { publish(topic: string, data: unknown): void }): ReturnType<typeof setInterval> {
  return setInterval(() => {
    const payload: TimerTickPayload = { tickFrequency: TICK_FREQUENCY_MS, dateQueued: new Date() };
    hub.publish(TIMER_TICK_TOPIC, payload);
  }, TICK_FREQUENCY_MS);
}
