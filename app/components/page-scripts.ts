/**
 * What a route says about the script its pages need (docs/decisions/046), in its `handle`:
 * `export const handle: PageScripts = { react: false }`. Public pages are not hydrated: they work
 * without JavaScript and run only the small public script (GOV.UK Frontend's components, read
 * aloud), which keeps them under 110 KB of script. Staff pages are hydrated by React.
 */
export interface PageScripts {
  react?: boolean;
}

/** Whether React hydrates this page: the deepest route that says so decides; by default, yes. */
export function wantsReact(handles: readonly unknown[]): boolean {
  for (let i = handles.length - 1; i >= 0; i -= 1) {
    const handle = handles[i];
    if (typeof handle === "object" && handle !== null && typeof (handle as PageScripts).react === "boolean") return (handle as PageScripts).react as boolean;
  }
  return true;
}
