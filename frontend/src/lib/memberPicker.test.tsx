import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { Client, Provider, fetchExchange } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useMemberPicker } from "./memberPicker";

afterEach(cleanup);

const member = (id: string, name: string) => ({
  __typename: "Membership",
  id,
  assisted: false,
  roles: ["RESIDENT"],
  user: { __typename: "User", id: `u-${id}`, name },
  grid: null,
});

/** clientAnswering is a GraphQL client whose server answers every query with data, and records the requests. */
function clientAnswering(data: unknown) {
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    new Response(JSON.stringify({ data }), { headers: { "Content-Type": "application/json" } }),
  );
  return { client: new Client({ url: "http://test/graphql", exchanges: [fetchExchange], fetch }), fetch };
}

function Names({ communityId, pause, search }: { communityId: string; pause?: boolean; search?: string }) {
  const members = useMemberPicker(communityId, pause, search);
  return <p>{members.length ? members.map((m) => m.user.name).join("、") : "none"}</p>;
}

describe("useMemberPicker", () => {
  it("loads a community's members to pick from", async () => {
    const { client, fetch } = clientAnswering({
      community: { __typename: "Community", id: "c1", members: { __typename: "MembershipConnection", nodes: [member("m1", "张三"), member("m2", "李四")] } },
    });
    render(
      <Provider value={client}>
        <Names communityId="c1" />
      </Provider>,
    );
    expect(screen.getByText("none")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("张三、李四")).toBeTruthy());
    // A query goes as a GET, its operation in the URL.
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.searchParams.get("operationName")).toBe("MemberPicker");
    expect(JSON.parse(url.searchParams.get("variables") ?? "")).toEqual({ id: "c1" });
  });

  it("asks for the members whose names hold a search", async () => {
    const { client, fetch } = clientAnswering({
      community: { __typename: "Community", id: "c1", members: { __typename: "MembershipConnection", nodes: [member("m1", "沈桂英")] } },
    });
    render(
      <Provider value={client}>
        <Names communityId="c1" search="沈桂英" />
      </Provider>,
    );
    await waitFor(() => expect(screen.getByText("沈桂英")).toBeTruthy());
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(JSON.parse(url.searchParams.get("variables") ?? "")).toEqual({ id: "c1", search: "沈桂英" });
  });

  it("loads nothing while paused", async () => {
    const { client, fetch } = clientAnswering({ community: null });
    render(
      <Provider value={client}>
        <Names communityId="c1" pause />
      </Provider>,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByText("none")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("gives none when the community is not there", async () => {
    const { client, fetch } = clientAnswering({ community: null });
    render(
      <Provider value={client}>
        <Names communityId="gone" />
      </Provider>,
    );
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.getByText("none")).toBeTruthy();
  });
});
