// Entry of the agent gadget bundle (a classic IIFE script inside the Shindig iframe).
import { defineElements } from '../ui/define.ts';

defineElements();
