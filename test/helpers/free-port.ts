export { freePort } from '../../tools/ops/free-port';
