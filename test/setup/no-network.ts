import nock from 'nock';

// Any request to a host other than loopback fails the test instead of leaving the machine.
nock.disableNetConnect();
nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
