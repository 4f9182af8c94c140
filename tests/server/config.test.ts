import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration from the environment', () => {
  it('has safe defaults: loopback host, port 3000, the project starts its own Neo4j', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(3000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('accepts bolt://, neo4j:// and neo4j+s:// URIs', () => {
    for (const uri of ['bolt://localhost:7687', 'neo4j://db.internal:7687', 'neo4j+s://abc123.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['NEO4J_HEAP', 'lots'],
    ['QUERY_TIMEOUT_MS', '-5'],
  ])('stops on a bad %s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid configuration[\\s\\S]*\\b${name}:`));
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).PORT).toBe(3000);
  });
});
