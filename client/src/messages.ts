// The shared message descriptors (server/src/protocol) as vscode-languageclient's own types.
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import type { NotificationDescriptor, RequestDescriptor } from '../../server/src/protocol/index';

export function requestType<P, R>(descriptor: RequestDescriptor<P, R>): RequestType<P, R, void> {
  return new RequestType<P, R, void>(descriptor.method);
}

export function notificationType<P>(descriptor: NotificationDescriptor<P>): NotificationType<P> {
  return new NotificationType<P>(descriptor.method);
}
