// Which IP addresses the console may open a connection to on a partner's behalf
// (docs/decisions/020-outbound-requests.md). Fail closed: an address is allowed only when its
// range is known to be public unicast, or, with private addresses allowed for local
// development, one of the few private ranges a developer's own services live on. Cloud
// metadata endpoints and every special-purpose range stay refused whatever the setting.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** `what` names the kind of address ("a loopback address"); `reason` is a whole sentence. */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string; what: string };

/**
 * Instance metadata services. Most sit in link-local space (refused anyway); these are listed
 * because some share a range that the development setting allows (AWS's IPv6 one is unique
 * local, Alibaba's is carrier-grade NAT).
 */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"]);

/** Ranges allowed only with private addresses allowed (a developer's machine, a local network). */
const DEVELOPMENT_RANGES = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a private network address",
  carrierGradeNat: "a carrier-grade NAT address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  unspecified: "the unspecified address",
};

/**
 * The verdict on one address, as a string (`127.0.0.1`, `::1`, `::ffff:10.0.0.1`). IPv4-mapped
 * IPv6 addresses are judged as the IPv4 address they carry; anything that does not parse is
 * refused.
 */
export function checkAddress(address: string, { allowPrivate }: { allowPrivate: boolean }): AddressVerdict {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) only occur on link-local addresses, which are refused anyway.
  const withoutZone = bare.split("%")[0] ?? "";
  // isIP is strict where ipaddr.isValid is not ("0x7f.1" is not an address here).
  if (isIP(withoutZone) === 0) return { allowed: false, reason: `${address} is not an IP address`, what: "not an IP address" };
  const parsed = ipaddr.process(withoutZone);
  const normal = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normal) || METADATA_ADDRESSES.has(parsed.toString())) {
    return { allowed: false, reason: `${address} is a cloud metadata address`, what: "a cloud metadata address" };
  }
  const range = parsed.range();
  if (range === "unicast") return { allowed: true };
  if (allowPrivate && DEVELOPMENT_RANGES.has(range)) return { allowed: true };
  const name = RANGE_NAMES[range] ?? "a reserved address";
  const hint = DEVELOPMENT_RANGES.has(range) ? " (private addresses are not allowed on this console)" : "";
  return { allowed: false, reason: `${address} is ${name}${hint}`, what: `${name}${hint}` };
}
