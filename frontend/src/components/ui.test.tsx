import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../i18n";
import { applyLargeText, largeText, setLargeText } from "../prefs";
import { LangSwitch, LargeTextSwitch } from "./Shell";
import { EmptyState, FormError, TextField } from "./ui";

afterEach(async () => {
  cleanup();
  await act(() => setLang("zh-CN"));
  localStorage.clear();
  applyLargeText(false);
});

describe("TextField", () => {
  it("labels the input and ties the server's error to it", () => {
    render(<TextField label="邮箱" hint="注册时用的邮箱" error="邮箱地址格式不正确" value="" onChange={() => {}} />);
    const input = screen.getByLabelText("邮箱");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(["注册时用的邮箱", "⚠ 邮箱地址格式不正确"]);
  });
  it("is not invalid without an error", () => {
    render(<TextField label="姓名" value="" onChange={() => {}} />);
    const input = screen.getByLabelText("姓名");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });
});

describe("FormError", () => {
  it("is an alert region that is there before the message", () => {
    const { rerender } = render(<FormError />);
    expect(screen.getByRole("alert").textContent).toBe("");
    rerender(<FormError message="邮箱或密码不正确" />);
    expect(screen.getByRole("alert").textContent).toBe("邮箱或密码不正确");
  });
});

describe("EmptyState", () => {
  it("says what is missing and what would be there", () => {
    render(<EmptyState title="现在没有正在商量的议题。" hint="居民提出、附议的议题会显示在这里。" />);
    expect(screen.getByText("现在没有正在商量的议题。")).toBeTruthy();
  });
});

describe("switches", () => {
  it("switch the language, remember it and set the page's lang", async () => {
    render(<LangSwitch />);
    await userEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(localStorage.getItem("yishi.lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("button", { name: "切换到中文" }).textContent).toBe("中文");
  });
  it("turn large text on and off and remember it", async () => {
    render(<LargeTextSwitch />);
    const button = screen.getByRole("button", { name: /大字/ });
    expect(button.getAttribute("aria-pressed")).toBe("false");
    await userEvent.click(button);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.classList.contains("large-text")).toBe(true);
    expect(largeText()).toBe(true);
    setLargeText(false);
    expect(document.documentElement.classList.contains("large-text")).toBe(false);
  });
});
