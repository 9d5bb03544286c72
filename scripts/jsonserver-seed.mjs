// Writes the json-server database the HTTP source example and its tests read: users, posts (with an
// updated_at cursor) and comments (nested under posts), deterministic for a seed.
//
//   node scripts/jsonserver-seed.mjs OUT.json [USERS] [POSTS] [COMMENTS] [SEED]
//
// Timestamps are whole seconds in RFC 3339 UTC ("2024-01-01T00:00:00Z"), the exact text Java's
// Instant.toString() writes, so json-server's string comparison of updated_at_gte matches the cursor.
import { writeFileSync } from "node:fs";

const [out, users = "40", posts = "120", comments = "300", seed = "7"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node jsonserver-seed.mjs OUT.json [USERS] [POSTS] [COMMENTS] [SEED]");
  process.exit(2);
}
let state = Number(seed) >>> 0 || 1;
const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(next() * list.length)];
const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
const start = Date.parse("2024-01-01T00:00:00Z");
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

const db = { users: [], posts: [], comments: [] };
for (let i = 1; i <= Number(users); i++) {
  db.users.push({ id: i, name: `${pick(words)} ${pick(words)}`, email: `user${i}@example.test`,
    created_at: iso(start + i * 3600_000) });
}
let t = start;
for (let i = 1; i <= Number(posts); i++) {
  // several posts share an updated_at: cursor ties at checkpoint boundaries are part of the test
  if (next() < 0.7) t += Math.floor(next() * 7200_000) + 1000;
  db.posts.push({ id: i, user_id: 1 + Math.floor(next() * Number(users)), title: `${pick(words)} ${i}`,
    body: `${pick(words)} ${pick(words)} ${pick(words)}`, updated_at: iso(t) });
}
for (let i = 1; i <= Number(comments); i++) {
  db.comments.push({ id: i, postId: 1 + Math.floor(next() * Number(posts)), author: pick(words),
    text: `${pick(words)} ${pick(words)}` });
}
writeFileSync(out, JSON.stringify(db, null, 2) + "\n");
console.error(`seeded ${out}: ${db.users.length} users, ${db.posts.length} posts, ${db.comments.length} comments`);
