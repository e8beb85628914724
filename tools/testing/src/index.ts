export { sendRequest, type TestRequest, type TestResponse } from './http-request';
export { makeTempDir, type TempDir } from './temp-dir';
