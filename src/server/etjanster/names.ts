/**
 * Whether an id and a version can name an e-tjänst version at all: an id is a lowercase slug (as the
 * document schema requires) and a version a positive whole number the integer column holds. Ids and
 * versions come from addresses and forms; anything else names nothing and is never asked of the
 * database, which would refuse a NUL character or a number out of its range as an error of the
 * whole statement rather than answer "no such row".
 */
export const isServiceId = (id: string): boolean => id.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);

export const isVersionNumber = (version: number): boolean => Number.isSafeInteger(version) && version > 0 && version <= 2_147_483_647;

export const namesAVersion = (id: string, version: number): boolean => isServiceId(id) && isVersionNumber(version);
