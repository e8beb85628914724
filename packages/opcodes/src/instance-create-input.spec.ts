import { checkBeparams, checkCreateInput } from './instance-create-input';
import type { OpInput } from './opcode-definition';

const op = (extra: Record<string, unknown>): OpInput =>
  ({ OP_ID: 'OP_INSTANCE_CREATE', instance_name: 'inst1.example.com', mode: 'create', os_type: 'noop+default', disk_template: 'file', disks: [{ size: '1G' }], nics: [{}], name_check: false, ip_check: false, start: true, beparams: {}, pnode: null, snode: null, iallocator: null, ...extra }) as OpInput;

describe('checkCreateInput', () => {
  describe('when the request is valid', () => {
    it('normalises disks, NICs and beparams', () => {
      expect(checkCreateInput(op({ nics: [{ bridge: 'br0', mac: 'AA:00:00:00:00:01' }], beparams: { memory: 512, vcpus: 2 } }))).toEqual({
        disks: [{ size: 1024, mode: 'rw', name: null, spindles: null, vg: null }],
        nics: [{ ip: null, mac: 'aa:00:00:00:00:01', network: null, name: null, nicparams: { link: 'br0' } }],
        beparams: { vcpus: 2, maxmem: 512, minmem: 512 },
        start: true,
      });
    });

    it('turns start off with no_install', () => {
      expect(checkCreateInput(op({ no_install: true })).start).toBe(false);
    });
  });

  describe('when the request is wrong', () => {
    it.each([
      [{ mode: 'import', src_path: null }, 'Missing source path for import'],
      [{ mode: 'remote-import', source_handshake: null }, 'Missing source handshake'],
      [{ os_type: null }, 'No guest OS specified'],
      [{ disk_template: 'diskless' }, "Disk template 'diskless' cannot have disks"],
      [{ disks: [] }, "Disk template 'file' needs at least one disk"],
      [{ disks: [{}] }, 'Missing disk size for disk 0'],
      [{ pnode: 'a', snode: 'a' }, 'The secondary node cannot be the primary node'],
      [{ nics: [{ mode: 'routed' }] }, 'Routed nic mode requires an ip address'],
      [{ nics: [{ mode: 'routed', bridge: 'br0', ip: '192.0.2.1' }] }, "Cannot pass 'bridge' on a routed nic"],
      [{ disk_template: 'zfs' }, "Invalid disk template 'zfs'"],
      [{ tags: ['ok', 'x y'] }, "Invalid tag 'x y': Tag contains invalid characters"],
    ])('refuses %j', (extra, message) => {
      expect(() => checkCreateInput(op(extra))).toThrow(expect.objectContaining({ message, classification: 'wrong_input' }));
    });
  });
});

describe('checkBeparams', () => {
  describe('when maxmem/minmem are given with memory', () => {
    it('keeps the explicit values', () => {
      expect(checkBeparams({ memory: 512, minmem: 256 })).toEqual({ minmem: 256, maxmem: 512 });
    });
  });

  describe('when a key is unknown or minmem exceeds maxmem', () => {
    it.each([
      [{ memroy: 1 }, "Unknown backend parameter 'memroy'"],
      [{ minmem: 1024, maxmem: 512 }, 'Minimum memory (1024) is greater than maximum memory (512)'],
      [{ auto_balance: 'yes' }, "Backend parameter 'auto_balance' must be a boolean"],
    ])('refuses %j', (raw, message) => {
      expect(() => checkBeparams(raw)).toThrow(message);
    });
  });
});
