import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { Client, Provider, cacheExchange, fetchExchange } from "urql";
import { currentLang } from "./i18n";

/**
 * newClient returns a GraphQL client for /graphql on this origin. The
 * session is the yishi_session cookie the server sets at login; requests
 * name the UI language so that error messages come back in it.
 */
export function newClient(): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: "same-origin",
      headers: { "Accept-Language": currentLang() === "en" ? "en" : "zh-CN,zh;q=0.9" },
    }),
  });
}

interface Session {
  /** reset drops everything cached, for a login or logout. */
  reset: () => void;
}

const SessionContext = createContext<Session>({ reset: () => {} });

/** GraphQLProvider holds the client, replaced whenever the session changes. */
export function GraphQLProvider({ children, client: initial }: { children: ReactNode; client?: Client }) {
  const [client, setClient] = useState<Client>(() => initial ?? newClient());
  const reset = useCallback(() => setClient(newClient()), []);
  const session = useMemo(() => ({ reset }), [reset]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

/** useSession gives the session's reset. */
export function useSession(): Session {
  return useContext(SessionContext);
}
