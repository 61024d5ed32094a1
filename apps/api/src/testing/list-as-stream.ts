/** An in-memory list's page as the stream a keyset read gives: the same rows, one by one (the exports' read). */
export async function* streamOf<T>(page: Promise<{ items: T[] }>): AsyncGenerator<T> {
  yield* (await page).items;
}
