import { describe, expect, it } from "vitest";
import { forgedSignature, signApplication, signatureMatches } from "./signature";

// Indeed's published example (Indeed Apply, "Message signature generation reference"): this
// body, signed with this demonstration secret, gives this signature.
const INDEED_SAMPLE_BODY = "{'locale':'en_US','applicant':{'fullName':'John Doe','email':'john.doe@example.com'}}";
const INDEED_SAMPLE_SECRET = "Y0ur api secret key not shared &$%@";
const INDEED_SAMPLE_SIGNATURE = "SGadPKocf3HD1LYXm3xGObB6hzk=";

describe("Indeed Apply signatures", () => {
  it("gives Indeed's published signature for Indeed's sample body and test secret", () => {
    expect(signApplication(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY)).toBe(INDEED_SAMPLE_SIGNATURE);
    expect(signApplication(INDEED_SAMPLE_SECRET, Buffer.from(INDEED_SAMPLE_BODY, "utf8"))).toBe(INDEED_SAMPLE_SIGNATURE);
  });

  it("signs the exact bytes: one changed character or a different secret gives another signature", () => {
    expect(signApplication(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY.replace("John", "Joan"))).not.toBe(INDEED_SAMPLE_SIGNATURE);
    expect(signApplication(`${INDEED_SAMPLE_SECRET} `, INDEED_SAMPLE_BODY)).not.toBe(INDEED_SAMPLE_SIGNATURE);
  });

  it("signs non-ASCII bodies as UTF-8", () => {
    const body = JSON.stringify({ applicant: { fullName: "Zoë Ångström" } });
    expect(signApplication("s", body)).toBe(signApplication("s", Buffer.from(body, "utf8")));
    expect(signApplication("s", body)).not.toBe(signApplication("s", Buffer.from(body, "latin1")));
  });

  it("verifies a signature, and refuses a forged or malformed one", () => {
    expect(signatureMatches(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY, INDEED_SAMPLE_SIGNATURE)).toBe(true);
    expect(signatureMatches(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY, ` ${INDEED_SAMPLE_SIGNATURE}\n`)).toBe(true);
    const forged = forgedSignature(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY);
    expect(forged).not.toBe(INDEED_SAMPLE_SIGNATURE);
    expect(forged).toHaveLength(INDEED_SAMPLE_SIGNATURE.length);
    expect(signatureMatches(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY, forged)).toBe(false);
    expect(signatureMatches(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY, "")).toBe(false);
    expect(signatureMatches(INDEED_SAMPLE_SECRET, INDEED_SAMPLE_BODY, "not base64 at all")).toBe(false);
  });
});
