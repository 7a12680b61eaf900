import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: the only copy is the one handed to the person who created the link. */
export const newShareToken = () => randomBytes(32).toString("base64url");

/** What the database keeps: the token's SHA-256, so a leaked table opens no link. */
export const hashShareToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A token as newShareToken writes it (43 base64url characters); anything else is refused unread. */
export const isShareTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
