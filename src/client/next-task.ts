/**
 * A task boundary: input waiting since the last one is handled before the caller goes on.
 * `scheduler.yield()` where the browser has it (the caller keeps its place at the queue's
 * front), else a new task. Shared by the story's idle work and the map's start-up, so that no
 * one step of either holds the main thread long enough to make a tap wait.
 */
export const nextTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};
