import { describeFaultReplay } from './fault-replay.js';

describeFaultReplay('segment');
