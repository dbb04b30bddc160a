import { describe, expect, it } from "vitest";
import { memberFilters, microGridChips, withParams } from "./members";

describe("memberFilters", () => {
  it("reads the search, grid, micro-grid and role from the URL", () => {
    expect(memberFilters(new URLSearchParams("q=%20沈%20&grid=R3JpZA&micro=TWljcm8&role=GRID_WORKER&tab=x"))).toEqual({
      search: "沈",
      gridId: "R3JpZA",
      microGridId: "TWljcm8",
      role: "GRID_WORKER",
    });
  });
  it("takes empty values and an unknown role as no filter", () => {
    expect(memberFilters(new URLSearchParams("q=%20&grid=&micro=&role=mayor"))).toEqual({
      search: null,
      gridId: null,
      microGridId: null,
      role: null,
    });
  });
});

describe("withParams", () => {
  it("sets or removes keys and keeps the others", () => {
    const p = new URLSearchParams("q=沈&role=RESIDENT&micro=m0");
    expect(withParams(p, { grid: "g1", micro: null }).toString()).toBe(new URLSearchParams("q=沈&role=RESIDENT&grid=g1").toString());
    expect(withParams(p, { q: "" }).toString()).toBe("role=RESIDENT&micro=m0");
    expect(p.get("q"), "the original is left alone").toBe("沈");
  });
});

describe("microGridChips", () => {
  const grids = [
    { id: "g1", name: "第一网格", microGrids: { nodes: [{ id: "a", name: "一组" }, { id: "b", name: "老街组" }] } },
    { id: "g2", name: "第二网格", microGrids: { nodes: [{ id: "c", name: "一组" }] } },
    { id: "g3", name: "第三网格", microGrids: { nodes: [] } },
  ];
  it("lists every grid's micro-grids, naming the grid only where two share a name", () => {
    expect(microGridChips(grids)).toEqual([
      { id: "a", label: "第一网格 · 一组" },
      { id: "b", label: "老街组" },
      { id: "c", label: "第二网格 · 一组" },
    ]);
  });
  it("lists one grid's micro-grids when a grid is chosen", () => {
    expect(microGridChips(grids, "g1")).toEqual([
      { id: "a", label: "一组" },
      { id: "b", label: "老街组" },
    ]);
    expect(microGridChips(grids, "g3")).toEqual([]);
  });
});
