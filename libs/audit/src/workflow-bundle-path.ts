import path from 'node:path';
import { workspaceRoot } from './workspace-root';

/** The prebuilt workflow bundle (`npm run bundle:workflows`): production workers and replays load it, so neither runs webpack. */
export const workflowBundlePath = () => path.join(workspaceRoot(), 'dist', 'workflow-bundle.js');
