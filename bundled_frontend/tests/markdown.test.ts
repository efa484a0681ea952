import { describe, expect, test } from "vitest";
import { markdownToHtml } from "../src/lazy/markdown";

describe("markdownToHtml", () => {
  test("renders GitHub-flavoured tables, strikethrough and task lists", () => {
    const html = markdownToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo");
    expect(html).toContain("<table>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toMatch(/<input[^>]*checked[^>]*type="checkbox"|<input[^>]*type="checkbox"[^>]*checked/);
  });

  test("escapes raw HTML unless the author allowed it", () => {
    expect(markdownToHtml("<script>alert(1)</script>")).not.toContain("<script>");
    expect(markdownToHtml("hi <b>there</b>")).toContain("&lt;b&gt;");
    expect(markdownToHtml("hi <b>there</b>", { allowHtml: true })).toContain("<b>there</b>");
  });

  test("drops javascript: links but keeps their text", () => {
    const html = markdownToHtml("[click](javascript:alert(1))");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("click");
  });

  test("opens external links in a new tab", () => {
    expect(markdownToHtml("[x](https://example.com)")).toContain('target="_blank"');
  });

  test("colours text, backgrounds and badges, with markdown inside", () => {
    expect(markdownToHtml(":red[**hot**]", { inline: true })).toBe(
      '<span class="rl-fg-red"><strong>hot</strong></span>',
    );
    expect(markdownToHtml(":blue-background[sky]", { inline: true })).toBe(
      '<span class="rl-bg rl-bg-blue">sky</span>',
    );
    expect(markdownToHtml(":green-badge[ok]", { inline: true })).toContain("rl-badge");
    expect(markdownToHtml(":grey[dim]", { inline: true })).toContain("rl-fg-gray");
  });

  test("replaces known emoji shortcodes and leaves other colons alone", () => {
    expect(markdownToHtml("Ship it :rocket:", { inline: true })).toBe("Ship it 🚀");
    expect(markdownToHtml("at 10:30:45 :not_an_emoji:", { inline: true })).toBe("at 10:30:45 :not_an_emoji:");
  });

  test("a material icon rillet has no drawing of shows nothing, keeping the words", () => {
    expect(markdownToHtml(":material/no_such_icon: Home", { inline: true })).toBe(" Home");
  });

  test("marks maths for KaTeX but leaves prices alone", () => {
    expect(markdownToHtml("area $x^2$", { inline: true })).toContain('class="rl-math" data-display="false"');
    expect(markdownToHtml("$$\\int f$$")).toContain('data-display="true"');
    expect(markdownToHtml("costs $5 and $6", { inline: true })).toBe("costs $5 and $6");
  });
});
