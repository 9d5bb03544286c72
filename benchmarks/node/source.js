#!/usr/bin/env node
// The Node baseline of the c8kit read benchmark: a source built on the faros-airbyte-cdk (the
// TypeScript/JavaScript Airbyte CDK), emitting the same records as the c8kit benchmark source
// (benchmarks/src/main/java/io/c8kit/benchmarks/synthetic/BenchSource.java, rows from Rows.row(i)):
// the same fields in the same order with the same values. What differs on the wire, and why:
// - the envelope: JSON.stringify of the CDK's AirbyteRecord writes {"record":{...},"type":"RECORD"}
//   (record first), c8kit writes {"type":"RECORD","record":{...}};
// - numbers: JavaScript has no decimal type, so balance 1234.50 is written 1234.5 and a score of
//   512.0 is written 512 (the same values; the harness compares them as numbers);
// - created_at: the same text (Date.toISOString() without its ".000" when the millisecond is zero,
//   as Instant.toString() prints it);
// - around the records, the CDK's own messages (LOG lines, source identity/config, STATE).
// Usage, as any CDK source: node source.js read --config CONFIG --catalog CATALOG (config {"count": N}).
'use strict';
const {
  AirbyteSourceBase,
  AirbyteSourceLogger,
  AirbyteSourceRunner,
  AirbyteSpec,
  AirbyteStreamBase,
} = require('faros-airbyte-cdk');

const FIRST = ['Terrell', 'Ira', 'Randall', 'Lonna', 'Jesus', 'Marla', 'Wes', 'Nyla', 'Bertie', 'Chas', 'Odette',
  'Quinn', 'Ruthie', 'Solomon', 'Tamra', 'Ulysses'];
const LAST = ['Lindqvist', 'Okafor', 'Brennan', 'Castellanos', 'Nakamura', 'Whitfield', 'Abernathy', 'Kowalski',
  'Fitzgerald', 'Delacroix', 'Haverford', 'Montgomery', 'Pemberton', 'Ravensworth', 'Sutherland', 'Vandermeer'];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'example.io'];
const PLACES = [['Rotterdam', 'Netherlands'], ['Porto Alegre', 'Brazil'], ['Nairobi', 'Kenya'], ['Osaka', 'Japan'],
  ['Krakow', 'Poland'], ['Winnipeg', 'Canada'], ['Lausanne', 'Switzerland'], ['Guadalajara', 'Mexico'],
  ['Cork', 'Ireland'], ['Chennai', 'India'], ['Tallinn', 'Estonia'], ['Adelaide', 'Australia']];
const STREETS = ['12 Harbour Lane', '7 Kingsway', '221 Elm Street', '3 Rue des Alpes', '48 Mill Road',
  '9 Ocean Drive', '150 Station Road', '5 Birch Avenue'];
const TAG_WORDS = ['vip', 'newsletter', 'beta', 'churn-risk', 'partner', 'trial'];
const EPOCH_SECONDS = 1700000000;

const NAMES = [];
const MAILBOXES = [];
for (let f = 0; f < FIRST.length; f++) {
  for (let l = 0; l < LAST.length; l++) {
    NAMES.push(FIRST[f] + ' ' + LAST[l]);
    MAILBOXES.push((FIRST[f] + '.' + LAST[l]).toLowerCase());
  }
}
const TAGS = [];
for (let t = 0; t < 16; t++) {
  const tags = [];
  for (let k = 0; k < t % 4; k++) tags.push(TAG_WORDS[(t + k * 5) % TAG_WORDS.length]);
  TAGS.push(tags);
}
const ADDRESSES = [];
for (let s = 0; s < STREETS.length; s++) {
  for (let p = 0; p < PLACES.length; p++) {
    ADDRESSES.push({street: STREETS[s], city: PLACES[p][0], postal_code: String(1000 + s * 911 + p * 37).padStart(4, '0'),
      country: PLACES[p][1]});
  }
}

const TWO_39 = 2 ** 39;
const K_HI = Math.floor(0x9E3779B1 / 65536);
const K_LO = 0x9E3779B1 % 65536;

/** Java's (int) (i * 0x9E3779B1L >>> 7) for i < 2^53: bits 7..38 of the product, as a signed int. */
function scramble(i) {
  const product = ((i * K_LO) % TWO_39 + ((i * K_HI) % 2 ** 23) * 65536) % TWO_39;
  return Math.floor(product / 128) | 0;
}

/** Row number i (1-based), as Rows.row(i) in Java. */
function row(i) {
  const h = scramble(i);
  const n = h & 0xFF;
  const created = new Date((EPOCH_SECONDS + i * 37) * 1000).toISOString();
  return {
    id: i,
    name: NAMES[n],
    email: MAILBOXES[n] + i + '@' + DOMAINS[(h >>> 12) & 3],
    age: 18 + (h >>> 14) % 70,
    score: ((h >>> 3) & 0xFFFF) / 8,
    active: (h & 0x100) !== 0,
    balance: ((i * 7919) % 10000000) / 100,
    tags: TAGS[(h >>> 20) & 15],
    address: ADDRESSES[(h >>> 8 & 0x7FFF) % ADDRESSES.length],
    created_at: created.endsWith('.000Z') ? created.slice(0, 19) + 'Z' : created,
  };
}

const SCHEMA = {
  type: 'object',
  properties: {
    id: {type: 'integer'}, name: {type: 'string'}, email: {type: 'string'}, age: {type: 'integer'},
    score: {type: 'number'}, active: {type: 'boolean'}, balance: {type: 'number'},
    tags: {type: 'array', items: {type: 'string'}},
    address: {type: 'object', properties: {street: {type: 'string'}, city: {type: 'string'},
      postal_code: {type: 'string'}, country: {type: 'string'}}},
    created_at: {type: 'string', format: 'date-time'},
  },
};

class Rows extends AirbyteStreamBase {
  constructor(logger, config, name) {
    super(logger);
    this.config = config;
    this.streamName = name;
  }
  get name() {
    return this.streamName;
  }
  getJsonSchema() {
    return SCHEMA;
  }
  get primaryKey() {
    return 'id';
  }
  async *readRecords() {
    const count = this.config.count;
    for (let i = 1; i <= count; i++) {
      yield row(i);
    }
  }
}

class BenchSource extends AirbyteSourceBase {
  get type() {
    return 'bench';
  }
  async spec() {
    return new AirbyteSpec({
      documentationUrl: 'https://docs.airbyte.com/integrations/sources/faker',
      connectionSpecification: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Bench',
        type: 'object',
        required: [],
        additionalProperties: true,
        properties: {count: {type: 'integer', title: 'Count', description: 'How many rows each stream emits.',
          default: 1000, minimum: 0}},
      },
    });
  }
  async checkConnection() {
    return [true, undefined];
  }
  streams(config) {
    return ['rows', 'rows_2', 'rows_3', 'rows_4'].map((name) => new Rows(this.logger, config, name));
  }
}

const logger = new AirbyteSourceLogger();
new AirbyteSourceRunner(logger, new BenchSource(logger)).mainCommand().parse(process.argv);
