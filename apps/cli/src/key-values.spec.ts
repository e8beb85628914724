import { UsageError } from './cli-error';
import { parseIndexedSpec, parseKeyValues } from './key-values';

describe('parseKeyValues', () => {
  it('types integers and booleans and keeps other text', () => {
    expect(parseKeyValues('memory=512,auto_balance=false,link=br0,vcpus=2')).toEqual({ memory: 512, auto_balance: false, link: 'br0', vcpus: 2 });
  });

  it('reads a bare key as true and no_key as false', () => {
    expect(parseKeyValues('acpi,no_vhost_net')).toEqual({ acpi: true, vhost_net: false });
  });

  it('refuses an empty key', () => {
    expect(() => parseKeyValues('=3')).toThrow(UsageError);
  });
});

describe('parseIndexedSpec', () => {
  it('splits an index prefix from the parameters', () => {
    expect(parseIndexedSpec('1:size=1G,mode=ro')).toEqual({ index: 1, params: { size: '1G', mode: 'ro' } });
    expect(parseIndexedSpec('size=512')).toEqual({ index: undefined, params: { size: 512 } });
  });
});
