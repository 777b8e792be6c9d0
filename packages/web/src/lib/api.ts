import { ApiError, createClient } from '@rounds/protocol';

export { ApiError };

/**
 * The REST API through the protocol's route contracts: `call(contracts.rooms.getRoom, {params: {roomId}})`
 * returns the parsed response or throws `ApiError`. The browser signs in with the session cookie.
 */
export const call = createClient({ credentials: 'same-origin' });
