import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { ElementCache } from "../src/elementCache";
import { DeltaSchema, ElementSchema, type Delta } from "../src/proto/rillet_pb";

function stored(hash: string, body: string, path = [0, 0]): Delta {
  const element = create(ElementSchema, { type: { case: "text", value: { body } } });
  return create(DeltaSchema, { path, elementHash: hash, type: { case: "newElement", value: element } });
}

function ref(hash: string, path = [0, 1]): Delta {
  return create(DeltaSchema, { path, fragmentId: "f", type: { case: "elementRef", value: hash } });
}

function bodyOf(delta: Delta | undefined): string | undefined {
  if (delta?.type.case !== "newElement" || delta.type.value.type.case !== "text") return undefined;
  return delta.type.value.type.value.body;
}

describe("ElementCache", () => {
  test("a reference becomes the stored element at the reference's path", () => {
    const cache = new ElementCache();
    cache.resolve(stored("h1", "big"));
    const resolved = cache.resolve(ref("h1", [1, 3]));
    expect(bodyOf(resolved)).toBe("big");
    expect(resolved?.path).toEqual([1, 3]);
    expect(resolved?.fragmentId).toBe("f");
  });

  test("a reference to an unknown hash resolves to nothing", () => {
    expect(new ElementCache().resolve(ref("nope"))).toBeUndefined();
  });

  test("evicts the least recently used hash, where a reference counts as a use", () => {
    const cache = new ElementCache(2);
    cache.resolve(stored("a", "A"));
    cache.resolve(stored("b", "B"));
    cache.resolve(ref("a")); // a is now the most recent
    cache.resolve(stored("c", "C")); // evicts b
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("c")).toBe(true);
  });

  test("keeps 64 hashes by default", () => {
    const cache = new ElementCache();
    for (let i = 0; i < 65; i += 1) cache.resolve(stored(`h${i}`, String(i)));
    expect(cache.has("h0")).toBe(false);
    expect(cache.has("h1")).toBe(true);
    expect(cache.has("h64")).toBe(true);
  });

  test("other deltas pass through untouched", () => {
    const cache = new ElementCache();
    const plain = create(DeltaSchema, { path: [0, 0], type: { case: "newElement", value: {} } });
    expect(cache.resolve(plain)).toBe(plain);
  });
});
