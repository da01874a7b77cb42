// Submitting a page's server action form the way a browser without JavaScript does: the hidden
// fields React renders into it name the action, so a multipart POST of them (plus the visible
// fields) to the page runs it.

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden fields of the first form in `html` whose markup contains `marker`. */
export function hiddenFormFields(html: string, marker: string): Record<string, string> {
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1] ?? "").find((f) => f.includes(marker));
  if (!form) throw new Error(`No form containing ${JSON.stringify(marker)}`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = tag.match(/name="([^"]*)"/)?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(tag.match(/value="([^"]*)"/)?.[1] ?? "");
  }
  if (!Object.keys(fields).some((name) => name.startsWith("$ACTION"))) throw new Error(`The form containing ${JSON.stringify(marker)} has no server action`);
  return fields;
}

/** The id of the server action a form's hidden fields name, as the browser sends it in Next-Action. */
export function actionIdOf(fields: Record<string, string>): string {
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      const id = (JSON.parse(value) as { id?: unknown }).id;
      if (typeof id === "string") return id;
    }
  }
  throw new Error("No server action id in the form");
}
