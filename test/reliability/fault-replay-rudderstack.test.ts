import { describeFaultReplay } from './fault-replay.js';

describeFaultReplay('rudderstack');
