import { describe, expect, it } from "vitest";
import { presentedCredentials } from "./client-auth";
import { readForm } from "./http";

async function present(body: Record<string, string>, authorization?: string) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (authorization) headers.set("authorization", authorization);
  const request = new Request("http://x/token", { method: "POST", headers, body: new URLSearchParams(body).toString() });
  return presentedCredentials(request, await readForm(request));
}

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("presented client credentials", () => {
  it("decodes Basic per RFC 6749 §2.3.1: form-urlencoded parts, '+' is a space", async () => {
    expect(await present({}, `Basic ${b64("my%3Aclient:s%2Bcr+t%25")}`)).toEqual({
      method: "client_secret_basic",
      clientId: "my:client",
      secret: "s+cr t%",
    });
    expect(await present({}, `basic   ${b64("id:")}`)).toEqual({ method: "client_secret_basic", clientId: "id", secret: undefined });
  });

  it("reads client_secret_post and public clients' client_id", async () => {
    expect(await present({ client_id: "a", client_secret: "b" })).toEqual({ method: "client_secret_post", clientId: "a", secret: "b" });
    expect(await present({ client_id: "a" })).toEqual({ method: "none", clientId: "a" });
  });

  it("refuses two methods at once, and a body client_id that contradicts Basic", async () => {
    await expect(present({ client_secret: "b" }, `Basic ${b64("a:b")}`)).rejects.toMatchObject({ error: "invalid_request" });
    await expect(present({ client_id: "other" }, `Basic ${b64("a:b")}`)).rejects.toMatchObject({ error: "invalid_request" });
    expect(await present({ client_id: "a" }, `Basic ${b64("a:b")}`)).toMatchObject({ clientId: "a", secret: "b" });
  });

  it("answers invalid_client to missing or malformed credentials", async () => {
    for (const authorization of ["Basic", "Basic !!", `Basic ${b64("no-colon")}`, `Basic ${b64(":secret")}`, `Basic ${b64("%zz:x")}`]) {
      await expect(present({}, authorization), authorization).rejects.toMatchObject({ error: "invalid_client" });
    }
    await expect(present({})).rejects.toMatchObject({ error: "invalid_client" });
    await expect(present({}, "Bearer abc")).rejects.toMatchObject({ error: "invalid_request" });
  });
});
