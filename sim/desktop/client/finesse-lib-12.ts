// Entry of the stand-in finesse.js for a Finesse 12.x desktop: with the digital channel control and popovers.
import { installFinesseLibrary } from './finesse-lib.ts';

installFinesseLibrary(window, { digital: true });
