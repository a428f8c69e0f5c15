export { freePort } from '../../src/ops/free-port';
