import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { useSession } from "../client";
import { FormError, Notice, Page, Skeleton, TextField } from "../components/ui";
import { graphql } from "../gql";
import { toFormErrors } from "../lib/errors";
import { safeNext } from "../lib/nav";
import { useViewer } from "../viewer";

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer {
        id
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ok
    }
  }
`);

const CompleteSignUpMutation = graphql(`
  mutation CompleteSignUp($input: CompleteSignUpInput!) {
    completeSignUp(input: $input) {
      viewer {
        id
      }
    }
  }
`);

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ok
    }
  }
`);

const ResetMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      ok
    }
  }
`);

const VerifyMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      ok
    }
  }
`);

/** LoginPage logs a user in and goes on to where they were headed. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const { viewer } = useViewer();
  const session = useSession();
  const navigate = useNavigate();
  const [res, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errs = toFormErrors(res.error, ["email", "password"], t("app.networkError"));
  const [done, setDone] = useState(false);

  if (viewer && !done) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await login({ input: { email: email.trim(), password } });
    if (r.data?.login) {
      setDone(true);
      session.reset();
      navigate(next, { replace: true });
    }
  }

  return (
    <Page title={t("auth.loginTitle")}>
      <p className="lead">{t("auth.loginIntro")}</p>
      {params.get("loggedOut") && <Notice message={t("auth.loggedOut")} />}
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errs.fields.email}
          required
        />
        <TextField
          label={t("auth.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errs.fields.password}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
          {res.fetching ? t("auth.loggingIn") : t("auth.loginSubmit")}
        </button>
      </form>
      <p className="aside-links">
        <Link to="/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p className="aside-links">
        {t("auth.noAccount")} <Link to={`/signup${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}>{t("auth.toSignup")}</Link>
      </p>
    </Page>
  );
}

/**
 * SignupPage starts a sign-up: the server mails the address a link that
 * finishes it (CompleteSignUpPage), and answers the same whether or not
 * the address has an account.
 */
export function SignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"), "/communities");
  const { viewer } = useViewer();
  const [res, register] = useMutation(RegisterMutation);
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const [sentTo, setSentTo] = useState<string>();
  const errs = toFormErrors(res.error, ["name", "email", "password"], t("app.networkError"));

  if (viewer) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const email = form.email.trim();
    const r = await register({ input: { name: form.name, email, password: form.password } });
    if (r.data?.register.ok) setSentTo(email);
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  if (sentTo) {
    return (
      <Page title={t("auth.signupTitle")}>
        <Notice message={t("auth.signupSent", { email: sentTo })} />
        <p>{t("auth.signupSentHint")}</p>
        <p className="aside-links">
          <Link to="/login">{t("auth.toLogin")}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t("auth.signupTitle")}>
      <p className="lead">{t("auth.signupIntro")}</p>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <TextField
          label={t("auth.name")}
          hint={t("auth.nameHint")}
          name="name"
          autoComplete="name"
          value={form.name}
          onChange={set("name")}
          error={errs.fields.name}
          required
        />
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={form.email}
          onChange={set("email")}
          error={errs.fields.email}
          required
        />
        <TextField
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          type="password"
          name="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set("password")}
          error={errs.fields.password}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
          {res.fetching ? t("auth.signingUp") : t("auth.signupSubmit")}
        </button>
      </form>
      <p className="aside-links">
        {t("auth.haveAccount")} <Link to="/login">{t("auth.toLogin")}</Link>
      </p>
    </Page>
  );
}

/**
 * CompleteSignUpPage finishes a sign-up with the token from the mailed link
 * and the password chosen when signing up, which makes the account (its
 * email verified) and logs in.
 */
export function CompleteSignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const session = useSession();
  const navigate = useNavigate();
  const [res, complete] = useMutation(CompleteSignUpMutation);
  const [password, setPassword] = useState("");
  const errs = toFormErrors(res.error, ["password"], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await complete({ input: { token, password } });
    if (r.data?.completeSignUp) {
      session.reset();
      navigate("/communities", { replace: true });
    }
  }

  return (
    <Page title={t("auth.completeTitle")}>
      {!token ? (
        <FormError message={t("auth.missingToken")} />
      ) : (
        <>
          <p className="lead">{t("auth.completeIntro")}</p>
          <form onSubmit={submit} noValidate className="form">
            <FormError message={errs.form} />
            <TextField
              label={t("auth.password")}
              hint={t("auth.completePasswordHint")}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errs.fields.password}
              required
            />
            <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
              {t("auth.completeSubmit")}
            </button>
          </form>
        </>
      )}
      {(!token || (errs.form && errs.code === "BAD_USER_INPUT")) && (
        <p className="aside-links">
          <Link to="/signup">{t("auth.toSignup")}</Link>
        </p>
      )}
    </Page>
  );
}

/** ForgotPasswordPage asks the server to mail a reset link. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [res, request] = useMutation(RequestResetMutation);
  const [email, setEmail] = useState("");
  const errs = toFormErrors(res.error, ["email"], t("app.networkError"));
  const sent = !!res.data?.requestPasswordReset.ok;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await request({ input: { email: email.trim() } });
  }

  return (
    <Page title={t("auth.forgotTitle")}>
      <p className="lead">{t("auth.forgotIntro")}</p>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <Notice message={sent ? t("auth.forgotSent") : undefined} />
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errs.fields.email}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
          {t("auth.forgotSubmit")}
        </button>
      </form>
      <p className="aside-links">
        <Link to="/login">{t("auth.toLogin")}</Link>
      </p>
    </Page>
  );
}

/** ResetPasswordPage sets a new password with the token from the email link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [res, reset] = useMutation(ResetMutation);
  const [password, setPassword] = useState("");
  const errs = toFormErrors(res.error, ["newPassword"], t("app.networkError"));
  const done = !!res.data?.resetPassword.ok;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await reset({ input: { token, newPassword: password } });
  }

  if (!token) {
    return (
      <Page title={t("auth.resetTitle")}>
        <FormError message={t("auth.missingToken")} />
        <p className="aside-links">
          <Link to="/forgot-password">{t("auth.forgotTitle")}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t("auth.resetTitle")}>
      {done ? (
        <>
          <Notice message={t("auth.resetDone")} />
          <p>
            <Link className="btn btn-primary btn-block" to="/login">
              {t("auth.toLogin")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("auth.resetIntro")}</p>
          <form onSubmit={submit} noValidate className="form">
            <FormError message={errs.form} />
            <TextField
              label={t("auth.newPassword")}
              hint={t("auth.passwordHint")}
              type="password"
              name="newPassword"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errs.fields.newPassword}
              required
            />
            <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
              {t("auth.resetSubmit")}
            </button>
          </form>
          {errs.code === "BAD_USER_INPUT" && errs.form && (
            <p className="aside-links">
              <Link to="/forgot-password">{t("auth.forgotTitle")}</Link>
            </p>
          )}
        </>
      )}
    </Page>
  );
}

/** VerifyEmailPage confirms the email with the token from the link, once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [res, verify] = useMutation(VerifyMutation);
  const { viewer, refetch } = useViewer();
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    void verify({ input: { token } }).then((r) => {
      if (r.data?.verifyEmail.ok) refetch();
    });
  }, [token, verify, refetch]);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  return (
    <Page title={t("auth.verifyTitle")}>
      {!token ? (
        <FormError message={t("auth.missingToken")} />
      ) : res.data?.verifyEmail.ok ? (
        <Notice message={t("auth.verified")} />
      ) : errs.form ? (
        <FormError message={errs.form} />
      ) : (
        <Skeleton lines={1} label={t("auth.verifying")} />
      )}
      <p>
        <Link className="btn btn-block" to={viewer ? "/" : "/login"}>
          {t("auth.continue")}
        </Link>
      </p>
    </Page>
  );
}
