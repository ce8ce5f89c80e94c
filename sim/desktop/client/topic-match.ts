// OpenAjax Hub 2.0 topic rules: dot-separated tokens; in subscriptions `*` matches one token and a final `**`
// matches one or more; published topics carry no wildcards and no empty tokens.

/** True when `topic` is a valid topic to publish on. */
export function isPublishTopic(topic: unknown): topic is string {
  if (typeof topic !== 'string' || topic === '') return false;
  return topic.split('.').every((t) => t !== '' && t !== '*' && t !== '**');
}

/** True when `pattern` is a valid subscription topic. */
export function isSubscribeTopic(pattern: unknown): pattern is string {
  if (typeof pattern !== 'string' || pattern === '') return false;
  const tokens = pattern.split('.');
  return tokens.every((t, i) => t !== '' && (t !== '**' || i === tokens.length - 1));
}

/** True when a published topic matches a subscription pattern. */
export function topicMatches(pattern: string, topic: string): boolean {
  const p = pattern.split('.');
  const t = topic.split('.');
  for (let i = 0; i < p.length; i++) {
    const token = p[i];
    if (token === '**') return t.length > i;
    if (i >= t.length) return false;
    if (token !== '*' && token !== t[i]) return false;
  }
  return p.length === t.length;
}
