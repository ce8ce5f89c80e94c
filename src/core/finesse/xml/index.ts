// Public API of the Finesse XML layer: parsers return Result<T, ParseError>, serializers return XML text.
export type { XmlLimits } from './xml-reader.ts';
export { DEFAULT_MAX_BYTES } from './xml-reader.ts';
export { parseUser, userToXml } from './user-xml.ts';
export { parseUsers, usersToXml } from './users-xml.ts';
export { parseTeam, teamToXml } from './team-xml.ts';
export { parseDialog, parseDialogs, dialogToXml, dialogsToXml } from './dialog-xml.ts';
export { parseReasonCodes, reasonCodesToXml } from './reason-code-xml.ts';
export { parseSystemInfo, systemInfoToXml } from './system-info-xml.ts';
export { parseApiErrors, apiErrorsToXml } from './api-errors-xml.ts';
export { parseUpdate, updateToXml, isTeamUsersAddress } from './update-xml.ts';
export type { UserRequest, DialogRequest } from './requests-xml.ts';
export { parseUserRequest, userRequestToXml, parseDialogRequest, dialogRequestToXml } from './requests-xml.ts';
