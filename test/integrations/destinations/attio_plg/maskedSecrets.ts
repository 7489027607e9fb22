import path from 'path';

// Placeholders derived from the folder name, never real tokens (rudder-transformer's maskedSecrets pattern).
export const secret1 = path.basename(__dirname) + 1;
export const authHeader1 = `Bearer ${secret1}`;
