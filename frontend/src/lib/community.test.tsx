import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Outlet, Route, Routes } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { abilities } from "../viewer";
import { useCommunity, type CommunityContext } from "./community";

afterEach(cleanup);

const membership = {
  id: "m1",
  roles: ["RESIDENT", "COMMITTEE"],
  assisted: false,
  grid: { id: "g1", name: "一组" },
  microGrid: null,
  workerGrids: [],
} as CommunityContext["membership"];

const ctx: CommunityContext = {
  community: {
    id: "c1",
    name: "小古城村",
    kind: "VILLAGE",
    street: { id: "s1", name: "双溪街道" },
    settings: { timeZone: "Asia/Shanghai", supportThreshold: 10, supportWindowDays: 14 },
    viewerMembership: membership,
  } as CommunityContext["community"],
  membership,
  can: abilities(membership),
};

function Probe() {
  const { community, membership, can } = useCommunity();
  return (
    <p>
      {community.name} {membership.grid?.name} {can.committee ? "committee" : "resident"}
    </p>
  );
}

describe("useCommunity", () => {
  it("gives a page the community its layout provides", () => {
    render(
      <MemoryRouter initialEntries={["/c/c1/topics"]}>
        <Routes>
          <Route path="/c/:cid" element={<Outlet context={ctx} />}>
            <Route path="topics" element={<Probe />} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByText("小古城村 一组 committee")).toBeTruthy();
  });
});
