export const metadata = { title: '주문 정보 · pccc-guard with Next.js' };

export default function RootLayout({ children }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
