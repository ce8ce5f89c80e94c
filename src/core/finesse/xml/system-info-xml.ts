// SystemInfo (GET SystemInfo on each node, SystemInfo notifications). Required: status.
// deploymentType absent or empty is UNKNOWN; any other value outside the model is an error.
// Nodes: current Finesse writes <primaryNode><host>..</host>...</primaryNode>; older releases wrote the
// host as the element text. Both are read; the nested form is written.
import type { Result } from '../../result.ts';
import type { DeploymentType, ParseError, SystemInfo, SystemStatus } from '../types.ts';
import type { XmlElement, XmlLimits } from './xml-reader.ts';
import {
  child,
  decodeDocument,
  integerOf,
  oneOf,
  optionalText,
  optionalToken,
  requiredToken,
  textOf,
} from './xml-fields.ts';
import { buildXml, textOrEmpty } from './xml-writer.ts';
import type { XmlTree } from './xml-writer.ts';

const SYSTEM_STATUSES: readonly SystemStatus[] = ['IN_SERVICE', 'OUT_OF_SERVICE'];
const DEPLOYMENT_TYPES: readonly DeploymentType[] = ['UCCE', 'UCCX', 'PCCE', 'UNKNOWN'];

/** Decodes a <SystemInfo> element. */
export function decodeSystemInfo(element: XmlElement): SystemInfo {
  const status = oneOf(element, 'status', requiredToken(element, 'status'), SYSTEM_STATUSES, 'system status');
  const deployment = optionalToken(element, 'deploymentType');
  const offset = optionalToken(element, 'timezoneOffset');
  return {
    status,
    statusReason: optionalText(element, 'statusReason'),
    deploymentType:
      deployment === null
        ? 'UNKNOWN'
        : oneOf(element, 'deploymentType', deployment, DEPLOYMENT_TYPES, 'deployment type'),
    primaryNode: decodeNodeHost(element, 'primaryNode'),
    secondaryNode: decodeNodeHost(element, 'secondaryNode'),
    xmppDomain: optionalToken(element, 'xmppDomain'),
    xmppPubSubDomain: optionalToken(element, 'xmppPubSubDomain'),
    currentTimestamp: optionalToken(element, 'currentTimestamp'),
    timezoneOffset: offset === null ? null : integerOf(element, 'timezoneOffset', offset, true),
  };
}

function decodeNodeHost(parent: XmlElement, name: string): string | null {
  const node = child(parent, name);
  if (node === undefined) return null;
  if (typeof node.value === 'string') {
    const host = textOf(node).trim();
    return host === '' ? null : host;
  }
  return optionalToken(node, 'host');
}

/** The <SystemInfo> content in the order Finesse documents it. */
export function encodeSystemInfo(info: SystemInfo): XmlTree {
  const node = (host: string | null): XmlTree | string => (host === null ? '' : { host });
  return {
    currentTimestamp: textOrEmpty(info.currentTimestamp),
    deploymentType: info.deploymentType,
    primaryNode: node(info.primaryNode),
    secondaryNode: node(info.secondaryNode),
    status: info.status,
    statusReason: textOrEmpty(info.statusReason),
    timezoneOffset: textOrEmpty(info.timezoneOffset),
    uri: '/finesse/api/SystemInfo',
    xmppDomain: textOrEmpty(info.xmppDomain),
    xmppPubSubDomain: textOrEmpty(info.xmppPubSubDomain),
  };
}

/** Parses a <SystemInfo> document. */
export function parseSystemInfo(xml: string, options?: XmlLimits): Result<SystemInfo, ParseError> {
  return decodeDocument(xml, options, { root: 'SystemInfo', doc: 'Finesse SystemInfo document' }, decodeSystemInfo);
}

/** Serializes SystemInfo as Finesse's <SystemInfo> body. */
export function systemInfoToXml(info: SystemInfo): string {
  return buildXml('SystemInfo', encodeSystemInfo(info));
}
