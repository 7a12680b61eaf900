"use client";
import { useT } from "../i18n";

export type AuthType = "classic" | "stable" | "component";
const AUTH_TYPES: AuthType[] = ["classic", "stable", "component"];

export interface SecretValues {
  secret: string;
  componentAppid: string;
  componentSecret: string;
  componentVerifyTicket: string;
  authorizerRefreshToken: string;
}
export const EMPTY_SECRETS: SecretValues = {
  secret: "",
  componentAppid: "",
  componentSecret: "",
  componentVerifyTicket: "",
  authorizerRefreshToken: "",
};

/** The credentials part of a server action's input, for the chosen way of getting tokens. */
export function credentialsInput(authType: AuthType, v: SecretValues) {
  return authType === "component"
    ? {
        authType,
        componentAppid: v.componentAppid.trim(),
        componentSecret: v.componentSecret.trim(),
        componentVerifyTicket: v.componentVerifyTicket.trim(),
        authorizerRefreshToken: v.authorizerRefreshToken.trim(),
      }
    : { authType, secret: v.secret.trim() };
}

export const secretsFilled = (authType: AuthType, v: SecretValues) =>
  authType === "component"
    ? [v.componentAppid, v.componentSecret, v.componentVerifyTicket, v.authorizerRefreshToken].every(
        (x) => x.trim() !== "",
      )
    : v.secret.trim() !== "";

/** Radio buttons for the token type. */
export function AuthTypeChoice({
  value,
  onChange,
  name,
}: {
  value: AuthType;
  onChange: (v: AuthType) => void;
  name: string;
}) {
  const t = useT();
  return (
    <fieldset className="auth-choice">
      <legend>{t("admin.add.type")}</legend>
      {AUTH_TYPES.map((type) => (
        <label key={type}>
          <input
            type="radio"
            name={name}
            value={type}
            checked={value === type}
            onChange={() => onChange(type)}
            data-testid={`auth-${type}`}
          />
          {t(`admin.add.${type}`)}
        </label>
      ))}
      {value === "stable" ? <p className="muted small">{t("admin.add.stableHint")}</p> : null}
    </fieldset>
  );
}

/**
 * Secret inputs: write-only. They start empty and are never filled from the server (it never
 * sends a secret, not even masked); autofill is off so a browser does not offer saved passwords.
 */
export function SecretFields({
  authType,
  values,
  onChange,
}: {
  authType: AuthType;
  values: SecretValues;
  onChange: (v: SecretValues) => void;
}) {
  const t = useT();
  const field = (key: keyof SecretValues, secret: boolean) => (
    <label key={key}>
      {t(`admin.field.${key}`)}
      <input
        name={key}
        type={secret ? "password" : "text"}
        autoComplete={secret ? "new-password" : "off"}
        spellCheck={false}
        required
        value={values[key]}
        onChange={(e) => onChange({ ...values, [key]: e.target.value })}
      />
    </label>
  );
  if (authType !== "component") return field("secret", true);
  return (
    <>
      {field("componentAppid", false)}
      {field("componentSecret", true)}
      {field("componentVerifyTicket", true)}
      {field("authorizerRefreshToken", true)}
    </>
  );
}
