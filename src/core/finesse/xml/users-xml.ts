// The Users document (the administrator API "User—Get List", GET /finesse/api/Users): a <Users> root with one full
// <User> per user. Each entry is decoded like GET User/{id}; one bad entry fails the document (it is read whole or
// not at all, so a directory built from it is never half a list).
import type { Result } from '../../result.ts';
import type { ParseError, User } from '../types.ts';
import { decodeUser, encodeUser } from './user-xml.ts';
import type { XmlLimits } from './xml-reader.ts';
import { decodeDocument, itemsOf } from './xml-fields.ts';
import { buildXml } from './xml-writer.ts';

/** Parses a <Users> document. */
export function parseUsers(xml: string, options?: XmlLimits): Result<User[], ParseError> {
  return decodeDocument(xml, options, { root: 'Users', doc: 'Finesse Users document' }, (root) =>
    itemsOf(root, 'User').map(decodeUser),
  );
}

/** Serializes users as Finesse's <Users> body. */
export function usersToXml(users: readonly User[]): string {
  return buildXml('Users', { User: users.map(encodeUser) });
}
