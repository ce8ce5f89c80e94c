// Entry of the stand-in finesse.js for a desktop older than Finesse 12.0: no finesse.digital, no PopoverService.
import { installFinesseLibrary } from './finesse-lib.ts';

installFinesseLibrary(window, { digital: false });
