// Reading Cisco's library from the page: the services the documented flow gives (ContainerServices.init, then
// ChannelService.init and PopoverService.init with it), and nothing where the library is missing, older or throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { finesseLibrary } from '../../../src/boot/finesse-library.ts';
import { FakeChannelService, FakePopoverService } from './finesse-library-fakes.ts';

function page(over: { digital?: boolean; popover?: boolean; channelInit?: () => unknown } = {}) {
  const containerServices = { tag: 'container services' };
  const inits: unknown[] = [];
  const channel = new FakeChannelService();
  const popover = new FakePopoverService();
  return {
    inits,
    channel,
    popover,
    global: {
      finesse: {
        containerservices: {
          ContainerServices: { init: () => containerServices },
          ...(over.popover === false
            ? {}
            : { PopoverService: { init: (c: unknown) => (inits.push(['popover', c]), popover) } }),
        },
        ...(over.digital === false
          ? {}
          : {
              digital: {
                ChannelService: {
                  init: over.channelInit ?? ((c: unknown) => (inits.push(['channel', c]), channel)),
                },
              },
            }),
      },
    },
  };
}

describe("Cisco's library on the page", () => {
  it('a 12.x desktop: both services, each initialised with the container services', () => {
    const p = page();
    const lib = finesseLibrary(p.global);
    assert.equal(lib.channelService, p.channel);
    assert.equal(lib.popoverService, p.popover);
    assert.deepEqual(p.inits, [
      ['channel', { tag: 'container services' }],
      ['popover', { tag: 'container services' }],
    ]);
  });

  it('an older desktop (no finesse.digital, no PopoverService): neither service', () => {
    const lib = finesseLibrary(page({ digital: false, popover: false }).global);
    assert.equal(lib.channelService, null);
    assert.equal(lib.popoverService, null);
    assert.notEqual(lib.containerServices, null);
  });

  it('no library at all (404), or a library whose parts throw: nothing, and no exception', () => {
    assert.deepEqual(finesseLibrary({}), { containerServices: null, channelService: null, popoverService: null });
    const throwing = page({
      channelInit: () => {
        throw new Error('broken');
      },
    });
    const lib = finesseLibrary(throwing.global);
    assert.equal(lib.channelService, null);
    assert.equal(lib.popoverService, throwing.popover, 'one broken part leaves the other');
    const getterThrows = Object.defineProperty({}, 'finesse', {
      get() {
        throw new Error('no');
      },
    });
    assert.equal(finesseLibrary(getterThrows).channelService, null);
  });

  it('a ChannelService without its methods or STATE_STATUS counts as absent', () => {
    const lib = finesseLibrary(page({ channelInit: () => ({ addChannel: () => undefined }) }).global);
    assert.equal(lib.channelService, null);
  });
});
